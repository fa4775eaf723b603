/**
 * The ticket list's `where` / `orderBy` objects (built by ticketWhere, keysetSlices and
 * keysetOrderBy, so the filter has one definition) compiled to one SQL statement, run on the
 * database pool without Prisma: Prisma's compilation of the query and mapping of its rows cost
 * about a millisecond of CPU per page, half of what the rest of a list request costs
 * (docs/benchmarks.md).
 *
 * It compiles the part of Prisma's filter language those builders produce, with Prisma's own
 * semantics (which tests/ticket-sql.test.ts checks against Prisma on random filters, actors and
 * cursors); anything else makes it return null and the caller asks Prisma instead.
 */
import type { TicketRow } from "./ticket-select";

interface Model {
  table: string;
  /**
   * Prisma field → column and its SQL type, for the fields a filter may name. Every parameter
   * is cast to its column's type: on PGlite the statement goes through Prisma's raw query, which
   * sends a string array as text[], and `uuid = ANY(text[])` does not exist.
   */
  fields: Record<string, [column: string, type: string]>;
  /** To-one relations: the related model and this table's foreign key. */
  relations?: Record<string, { model: Model; fk: string }>;
}

const CONTACT: Model = { table: "contacts", fields: { id: ["id", "uuid"], userId: ["user_id", "uuid"], email: ["email", "text"] } };
const USER: Model = { table: "users", fields: { id: ["id", "uuid"], email: ["email", "text"] } };
const COMPANY: Model = { table: "companies", fields: { id: ["id", "uuid"], name: ["name", "text"] } };
const TEAM: Model = { table: "teams", fields: { id: ["id", "uuid"], name: ["name", "text"] } };

const TICKET: Model = {
  table: "tickets",
  fields: {
    id: ["id", "uuid"],
    number: ["number", "text"],
    subject: ["subject", "text"],
    description: ["description", "text"],
    status: ["status", '"TicketStatus"'],
    priority: ["priority", '"Priority"'],
    priorityRank: ["priority_rank", "int"],
    category: ["category", "text"],
    channel: ["channel", '"Channel"'],
    tags: ["tags", "text[]"],
    slaDueAt: ["sla_due_at", "timestamptz"],
    userId: ["user_id", "uuid"],
    contactId: ["contact_id", "uuid"],
    orderId: ["order_id", "uuid"],
    companyId: ["company_id", "uuid"],
    assignedToId: ["assigned_to_id", "uuid"],
    assignedTeamId: ["assigned_team_id", "uuid"],
    createdAt: ["created_at", "timestamptz"],
    updatedAt: ["updated_at", "timestamptz"],
    lastMessageAt: ["last_message_at", "timestamptz"],
    searchGrams: ["search_grams", "text[]"],
  },
  relations: {
    contact: { model: CONTACT, fk: "contact_id" },
    user: { model: USER, fk: "user_id" },
    company: { model: COMPANY, fk: "company_id" },
    assignedTeam: { model: TEAM, fk: "assigned_team_id" },
  },
};

/** Thrown inside the compiler for a shape it does not know; compile() turns it into null. */
class Unsupported extends Error {}

/**
 * An array as PostgreSQL's array literal text (`{"a","b\\"c"}`), cast to its type in the
 * statement: the PGlite adapter would send a JavaScript array as its comma-joined string.
 */
function arrayLiteral(items: readonly unknown[]): string {
  return `{${items.map((x) => `"${String(x instanceof Date ? x.toISOString() : x).replace(/[\\"]/g, (c) => `\\${c}`)}"`).join(",")}}`;
}

class Params {
  values: unknown[] = [];
  add(v: unknown): string {
    this.values.push(Array.isArray(v) ? arrayLiteral(v) : v);
    return `$${this.values.length}`;
  }
}

const isPlain = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof Date);
const isScalar = (v: unknown) => typeof v === "string" || typeof v === "number" || typeof v === "boolean" || v instanceof Date;

function all(parts: string[], joiner: "AND" | "OR"): string {
  if (parts.length === 0) return joiner === "AND" ? "TRUE" : "FALSE";
  return parts.length === 1 ? parts[0] : `(${parts.join(` ${joiner} `)})`;
}

const OPERATORS = new Set(["equals", "in", "notIn", "lt", "lte", "gt", "gte", "not", "contains", "mode", "hasSome"]);

/** One field's condition: a value (equality), null, or Prisma's operator object. */
function scalar(col: string, type: string, cond: unknown, p: Params): string {
  if (cond === null) return `${col} IS NULL`;
  if (isScalar(cond)) return `${col} = ${p.add(cond)}::${type}`;
  if (!isPlain(cond)) throw new Unsupported();
  const insensitive = cond.mode === "insensitive";
  if (cond.mode !== undefined && !insensitive && cond.mode !== "default") throw new Unsupported();
  const out: string[] = [];
  for (const [op, v] of Object.entries(cond)) {
    if (!OPERATORS.has(op)) throw new Unsupported();
    if (op === "mode" || v === undefined) continue;
    switch (op) {
      case "equals":
        if (v === null) out.push(`${col} IS NULL`);
        else if (!isScalar(v)) throw new Unsupported();
        // Prisma's case-insensitive equality is an ILIKE of the value as given.
        else out.push(insensitive ? `${col} ILIKE ${p.add(v)}::text` : `${col} = ${p.add(v)}::${type}`);
        break;
      case "in":
      case "notIn":
        if (!Array.isArray(v) || !v.every(isScalar)) throw new Unsupported();
        if (v.length === 0) out.push(op === "in" ? "FALSE" : "TRUE");
        else out.push(op === "in" ? `${col} = ANY(${p.add(v)}::${type}[])` : `${col} <> ALL(${p.add(v)}::${type}[])`);
        break;
      case "lt":
      case "lte":
      case "gt":
      case "gte":
        if (!isScalar(v)) throw new Unsupported();
        out.push(`${col} ${{ lt: "<", lte: "<=", gt: ">", gte: ">=" }[op]} ${p.add(v)}::${type}`);
        break;
      case "not":
        if (v !== null) throw new Unsupported();
        out.push(`${col} IS NOT NULL`);
        break;
      case "contains":
        if (typeof v !== "string") throw new Unsupported();
        // As Prisma sends it: the value between wildcards (LIKE's escape character is `\`).
        out.push(`${col} ${insensitive ? "ILIKE" : "LIKE"} ${p.add(`%${v}%`)}::text`);
        break;
      case "hasSome":
        if (!Array.isArray(v) || !v.every((x) => typeof x === "string") || type !== "text[]") throw new Unsupported();
        out.push(`${col} && ${p.add(v)}::text[]`);
        break;
    }
  }
  return all(out, "AND");
}

function where(model: Model, alias: string, w: unknown, p: Params, depth: number): string {
  if (!isPlain(w)) throw new Unsupported();
  const out: string[] = [];
  for (const [key, v] of Object.entries(w)) {
    if (v === undefined) continue;
    if (key === "AND" || key === "OR") {
      const list = Array.isArray(v) ? v : key === "AND" ? [v] : null;
      if (!list) throw new Unsupported();
      out.push(all(list.map((x) => where(model, alias, x, p, depth)), key));
    } else if (model.fields[key]) {
      const [column, type] = model.fields[key];
      out.push(scalar(`${alias}.${column}`, type, v, p));
    } else if (model.relations?.[key] && isPlain(v) && depth < 2) {
      // A to-one relation filter: the related row exists and matches.
      const rel = model.relations[key];
      const r = `r${depth}_${key}`;
      out.push(`EXISTS (SELECT 1 FROM ${rel.model.table} ${r} WHERE ${r}.id = ${alias}.${rel.fk} AND ${where(rel.model, r, v, p, depth + 1)})`);
    } else throw new Unsupported();
  }
  return all(out, "AND");
}

function orderBy(terms: readonly Record<string, unknown>[]): string {
  return terms
    .map((t) => {
      const entries = Object.entries(t);
      if (entries.length !== 1) throw new Unsupported();
      const [field, spec] = entries[0];
      const col = TICKET.fields[field]?.[0];
      if (!col) throw new Unsupported();
      if (spec === "asc" || spec === "desc") return `t.${col} ${spec.toUpperCase()}`;
      if (!isPlain(spec) || (spec.sort !== "asc" && spec.sort !== "desc") || (spec.nulls !== "first" && spec.nulls !== "last")) throw new Unsupported();
      return `t.${col} ${String(spec.sort).toUpperCase()} NULLS ${String(spec.nulls).toUpperCase()}`;
    })
    .join(", ");
}

/**
 * The columns of ticketSelect, named as Prisma names them, and the watchers' ids in the order
 * they started watching (ticketSelect's `watchers`, as an array: listTicketRows reshapes it).
 */
const COLUMNS = `t.id::text AS "id", t.number AS "number", t.subject AS "subject", t.description AS "description",
  t.status::text AS "status", t.priority::text AS "priority", t.category AS "category", t.channel::text AS "channel",
  t.tags AS "tags", t.sla_due_at AS "slaDueAt", t.user_id::text AS "userId", t.contact_id::text AS "contactId",
  t.order_id::text AS "orderId", t.company_id::text AS "companyId", t.assigned_to_id::text AS "assignedToId",
  t.assigned_team_id::text AS "assignedTeamId", t.created_by_id::text AS "createdById", t.last_message_at AS "lastMessageAt",
  t.unread_by_agent AS "unreadByAgent", t.unread_by_customer AS "unreadByCustomer",
  t.public_message_count AS "publicMessageCount", t.internal_message_count AS "internalMessageCount",
  t.ai_summary AS "aiSummary", t.ai_confidence_score AS "aiConfidenceScore", t.ai_first_response_time AS "aiFirstResponseTime",
  t.ai_auto_resolved AS "aiAutoResolved", t.first_response_at AS "firstResponseAt", t.resolved_at AS "resolvedAt",
  t.closed_at AS "closedAt", t.created_at AS "createdAt", t.updated_at AS "updatedAt", t.version AS "version",
  t.sla_policy_id::text AS "slaPolicyId", t.first_response_due_at AS "firstResponseDueAt",
  t.next_response_due_at AS "nextResponseDueAt", t.resolution_due_at AS "resolutionDueAt", t.sla_paused_at AS "slaPausedAt",
  t.sla_resolution_elapsed AS "slaResolutionElapsed", t.merged_into_id::text AS "mergedIntoId",
  ARRAY(SELECT w.user_id::text FROM ticket_watchers w WHERE w.ticket_id = t.id ORDER BY w.created_at, w.user_id) AS "watchers"`;

export interface CompiledQuery {
  text: string;
  values: unknown[];
}

/** A further condition on the statement, written with typed parameters (actorGuard). */
export type Guard = (add: (value: unknown, type: string) => string) => string;

/**
 * One page's statement: the ticketSelect columns of the tickets matching `w`, in `order`, at
 * most `take`; null when the filter holds a shape this compiler does not know.
 */
export function compileTicketPage(w: unknown, order: readonly Record<string, unknown>[], take: number, guard?: Guard): CompiledQuery | null {
  if (!Number.isSafeInteger(take) || take < 0) return null;
  try {
    const p = new Params();
    let cond = where(TICKET, "t", w, p, 0);
    if (guard) cond = `${guard((v, type) => `${p.add(v)}::${type}`)} AND ${cond}`;
    const text = `SELECT ${COLUMNS} FROM tickets t WHERE ${cond} ORDER BY ${orderBy(order)} LIMIT ${p.add(take)}::int`;
    return { text, values: p.values };
  } catch (e) {
    if (e instanceof Unsupported) return null;
    throw e;
  }
}

/** A row of compileTicketPage's statement as ticketSelect shapes it. */
export function ticketRowOf(r: Omit<TicketRow, "watchers"> & { watchers: string[] }): TicketRow {
  const row = r as unknown as TicketRow & { watchers: unknown };
  row.watchers = r.watchers.map((userId) => ({ userId }));
  return row;
}
