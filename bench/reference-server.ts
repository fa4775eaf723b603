/**
 * The benchmark's yardstick: a bare `node:http` + `pg.Pool` server (no Next.js, no Prisma)
 * answering the support API's list requests that bench/scenarios.ts measures, with the same
 * JSON as Caseflow (lib/api/support/serialize.ts, agent view) and the same Bearer check
 * (lib/auth/jwt.ts, HS256 over AUTH_SECRET, user reloaded on every request).
 *
 *   GET /api/v1/support/tickets/   status, sla_overdue, search, ordering (one field), page_size, cursor
 *   GET /api/v1/support/messages/  ticket, page_size, cursor
 *
 * The SQL is written by hand to mean what Caseflow's means (visibility, DRF search over subject,
 * description and the requester's contact/user email, nulls last in both directions, the id as
 * tie-breaker), written the way one would write it by hand: the actor, the page and its
 * watchers / authors / attachments in ONE statement, and the keyset position as a row
 * comparison the index can start from. Cursors are this server's own (unsigned positions).
 * Other filters of the real API are not implemented (they answer as if absent).
 *
 * Run: DATABASE_URL=postgres://… AUTH_SECRET=… tsx bench/reference-server.ts --port 4100
 * Every response carries `x-db-round-trips` (statements this request sent).
 */
import fs from "node:fs";
import http from "node:http";
import { parseArgs } from "node:util";
import pg from "pg";
import { searchTerms } from "@/lib/api/ordering";
import { pageSize } from "@/lib/api/pagination";
import { verifyToken } from "@/lib/auth/jwt";

const OPEN = ["new", "assigned", "in_progress", "pending"];
const AGENT_ROLES = ["customer_service", "sales_manager", "admin", "super_admin"];
const STATUSES = ["new", "assigned", "in_progress", "pending", "resolved", "closed"];

/** Ordering names of the support API → column, nullable. */
const ORDERINGS: Record<string, { col: string; nullable: boolean; type: "date" | "number" }> = {
  created_at: { col: "created_at", nullable: false, type: "date" },
  updated_at: { col: "updated_at", nullable: false, type: "date" },
  last_message_at: { col: "last_message_at", nullable: false, type: "date" },
  sla_due_at: { col: "sla_due_at", nullable: true, type: "date" },
  priority: { col: "priority_rank", nullable: false, type: "number" },
};

/** The actor, loaded on every request (a deactivation or role change applies at once). */
const ME = `me AS (SELECT u.id, (u.is_staff OR u.role::text = ANY('{${AGENT_ROLES.join(",")}}'::text[]) OR 'support.view_ticket' = ANY(u.permissions)) AS agent
  FROM users u WHERE u.id = $1 AND u.is_active)`;

const TICKET_COLUMNS = `t.id, t.number, t.subject, t.description, t.status::text AS status, t.priority::text AS priority, t.category,
  t.channel::text AS channel, t.tags, t.version, t.sla_due_at, t.first_response_due_at, t.next_response_due_at, t.resolution_due_at,
  t.sla_policy_id, t.sla_paused_at, t.user_id, t.contact_id, t.order_id, t.assigned_to_id,
  ARRAY(SELECT w.user_id FROM ticket_watchers w WHERE w.ticket_id = t.id ORDER BY w.created_at) AS watchers,
  t.last_message_at, t.unread_by_agent, t.unread_by_customer, t.ai_summary, t.ai_confidence_score, t.ai_first_response_time,
  t.ai_auto_resolved, t.first_response_at, t.resolved_at, t.created_at, t.updated_at, t.closed_at, t.merged_into_id, t.priority_rank`;

/** Customers see their own tickets and those of the contact linked to them. */
const VISIBLE = `(me.agent OR t.user_id = me.id OR t.contact_id IN (SELECT c.id FROM contacts c WHERE c.user_id = me.id))`;

type Value = string | number | boolean | Date | null | string[];
interface Cursor {
  d: "n" | "p";
  v: (string | number | null)[];
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super(String(status));
  }
}

function decodeCursor(raw: string | null, keyType: "date" | "number", nullable: boolean): Cursor | null {
  if (!raw) return null;
  try {
    const c = JSON.parse(Buffer.from(raw, "base64url").toString("utf8")) as Cursor;
    const [k, id] = c.v;
    const kOk = k === null ? nullable : keyType === "number" ? typeof k === "number" : typeof k === "string" && !Number.isNaN(Date.parse(k));
    if ((c.d === "n" || c.d === "p") && c.v.length === 2 && kOk && typeof id === "string" && /^[0-9a-f-]{36}$/i.test(id)) return c;
  } catch {
    /* fall through */
  }
  throw new HttpError(404, { detail: "Invalid cursor" });
}

const encodeCursor = (c: Cursor) => Buffer.from(JSON.stringify(c)).toString("base64url");

/**
 * One keyset page over (key, id), both in `dir`, nulls last in either direction. Returns SQL
 * parts: the position test(s) as UNION ALL branches (a nullable key's NULLs are a branch of
 * their own, so each branch is one index range) and the ORDER BY.
 */
function keyset(col: string, dir: "asc" | "desc", nullable: boolean, pos: Cursor | null, p: (v: Value) => string, pid: (v: string) => string) {
  const reverse = pos?.d === "p";
  const fetchDir = reverse ? (dir === "asc" ? "desc" : "asc") : dir;
  const nulls = nullable ? (reverse ? " NULLS FIRST" : " NULLS LAST") : "";
  const orderBy = `ORDER BY t.${col} ${fetchDir}${nulls}, t.id ${fetchDir}`;
  const idOrder = `ORDER BY t.id ${fetchDir}`;
  const cmp = fetchDir === "asc" ? ">" : "<";
  if (!pos) return { branches: [{ where: "TRUE", orderBy }] };
  const [k, id] = pos.v;
  const idp = pid(id as string);
  if (!reverse) {
    if (k === null) return { branches: [{ where: `t.${col} IS NULL AND t.id ${cmp} ${idp}::uuid`, orderBy: idOrder }] };
    const after = { where: `(t.${col}, t.id) ${cmp} (${p(k)}, ${idp}::uuid)`, orderBy };
    return { branches: nullable ? [after, { where: `t.${col} IS NULL`, orderBy: idOrder }] : [after] };
  }
  // Backward: from a NULL key, first the NULLs before it, then every non-NULL row.
  if (k === null) {
    return {
      branches: [
        { where: `t.${col} IS NULL AND t.id ${cmp} ${idp}::uuid`, orderBy: idOrder },
        { where: `t.${col} IS NOT NULL`, orderBy: `ORDER BY t.${col} ${fetchDir}, t.id ${fetchDir}` },
      ],
    };
  }
  return { branches: [{ where: `(t.${col}, t.id) ${cmp} (${p(k)}, ${idp}::uuid)`, orderBy }] };
}

/** `%term%` for ILIKE with the LIKE wildcards and the escape character taken literally. */
const likePattern = (term: string) => `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function serializeTicket(r: Record<string, unknown>, agent: boolean) {
  const sla = r.sla_due_at as Date | null;
  return {
    id: r.id,
    ticket_number: r.number,
    subject: r.subject,
    description: r.description,
    status: r.status,
    priority: r.priority,
    category: r.category,
    channel: r.channel,
    tags: r.tags,
    version: r.version,
    sla_due_at: iso(sla),
    sla_overdue: !!sla && sla < new Date() && OPEN.includes(r.status as string),
    first_response_due_at: iso(r.first_response_due_at as Date | null),
    next_response_due_at: iso(r.next_response_due_at as Date | null),
    resolution_due_at: iso(r.resolution_due_at as Date | null),
    sla_policy: r.sla_policy_id,
    sla_paused: r.sla_paused_at != null,
    user: r.user_id,
    contact: r.contact_id,
    order: r.order_id,
    assigned_to: r.assigned_to_id,
    watchers: r.watchers,
    last_message_at: iso(r.last_message_at as Date),
    unread_by_agent: r.unread_by_agent,
    unread_by_customer: r.unread_by_customer,
    ai_summary: agent ? r.ai_summary : null,
    ai_confidence_score: agent ? r.ai_confidence_score : null,
    ai_first_response_time: agent ? r.ai_first_response_time : null,
    ai_auto_resolved: agent ? r.ai_auto_resolved : null,
    first_response_at: iso(r.first_response_at as Date | null),
    resolved_at: iso(r.resolved_at as Date | null),
    created_at: iso(r.created_at as Date),
    updated_at: iso(r.updated_at as Date),
    closed_at: iso(r.closed_at as Date | null),
    merged_into: r.merged_into_id ?? null,
  };
}

function serializeMessage(r: Record<string, unknown>) {
  return {
    id: r.id,
    ticket: r.ticket_id,
    author: r.author_id,
    author_name: r.author_name ?? null,
    body: r.body,
    direction: r.direction,
    is_internal: r.is_internal,
    attachments: (r.attachments as { id: string; name: string; size: number; content_type: string; created_at: string }[]).map((a) => ({
      id: a.id,
      name: a.name,
      size: a.size,
      content_type: a.content_type,
      url: `/api/v1/support/attachments/${a.id}/`,
      created_at: new Date(a.created_at).toISOString(),
    })),
    created_at: iso(r.created_at as Date),
    updated_at: iso(r.updated_at as Date),
  };
}

export interface ListQuery {
  text: string;
  values: Value[];
}

/** The ticket list statement (exported so the bench can EXPLAIN it). */
export function ticketListSql(userId: string, params: URLSearchParams, now = new Date()): { q: ListQuery; size: number; key: { col: string; dir: "asc" | "desc"; type: "date" | "number" }; pos: Cursor | null } {
  const values: Value[] = [userId];
  const p = (v: Value) => {
    values.push(v);
    return `$${values.length}`;
  };
  const where: string[] = [VISIBLE];
  const status = params.getAll("status").at(-1);
  if (status) {
    if (!STATUSES.includes(status)) throw new HttpError(400, { status: [`Select a valid choice. ${status} is not one of the available choices.`] });
    where.push(`t.status = ${p(status)}::"TicketStatus"`);
  }
  const overdue = params.getAll("sla_overdue").at(-1)?.toLowerCase();
  if (overdue === "true" || overdue === "1") where.push(`t.sla_due_at < ${p(now)} AND t.status::text = ANY(${p(OPEN)})`);
  if (overdue === "false" || overdue === "0") where.push(`(t.sla_due_at IS NULL OR t.sla_due_at >= ${p(now)} OR NOT t.status::text = ANY(${p(OPEN)}))`);
  for (const term of searchTerms(params.getAll("search").at(-1))) {
    const like = p(likePattern(term));
    // `= ANY(ARRAY(subquery))` rather than `IN (subquery)`: each arm of the OR is then an
    // index condition on tickets (trigram, contact_id, user_id), so a rare term is a BitmapOr.
    where.push(`(t.subject ILIKE ${like} OR t.description ILIKE ${like}
      OR t.contact_id = ANY(ARRAY(SELECT c.id FROM contacts c WHERE c.email ILIKE ${like}))
      OR t.user_id = ANY(ARRAY(SELECT u.id FROM users u WHERE u.email ILIKE ${like})))`);
  }
  // DRF OrderingFilter: the first known field (this server supports one), default -last_message_at.
  let order = { name: "last_message_at", dir: "desc" as "asc" | "desc" };
  for (const part of (params.getAll("ordering").at(-1) ?? "").split(",")) {
    const t = part.trim();
    const name = t.startsWith("-") ? t.slice(1) : t;
    if (Object.hasOwn(ORDERINGS, name)) {
      order = { name, dir: t.startsWith("-") ? "desc" : "asc" };
      break;
    }
  }
  const o = ORDERINGS[order.name];
  const size = pageSize(params.getAll("page_size").at(-1));
  const pos = decodeCursor(params.getAll("cursor").at(-1) ?? null, o.type, o.nullable);
  const { branches } = keyset(o.col, order.dir, o.nullable, pos, (v) => (o.type === "date" && typeof v === "string" ? `${p(new Date(v))}::timestamptz` : p(v)), p);
  const limit = p(size + 1);
  const parts = branches.map((b) => `(SELECT ${TICKET_COLUMNS} FROM tickets t WHERE ${[...where, b.where].join(" AND ")} ${b.orderBy} LIMIT ${limit})`);
  const page = parts.length === 1 ? parts[0].slice(1, -1) : `SELECT * FROM (${parts.join(" UNION ALL ")}) u LIMIT ${limit}`;
  const text = `WITH ${ME} SELECT me.agent AS me_agent, t.* FROM me LEFT JOIN LATERAL (${page}) t ON TRUE`;
  return { q: { text, values }, size, key: { col: o.col, dir: order.dir, type: o.type }, pos };
}

/** The message list statement: actor, ticket existence and the page with authors and attachments. */
export function messageListSql(userId: string, params: URLSearchParams): { q: ListQuery; size: number; pos: Cursor | null; ticket: string | null } {
  const values: Value[] = [userId];
  const p = (v: Value) => {
    values.push(v);
    return `$${values.length}`;
  };
  const ticket = params.getAll("ticket").at(-1) ?? null;
  if (ticket !== null && !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(ticket)) throw new HttpError(400, { ticket: ["Must be a valid UUID."] });
  const size = pageSize(params.getAll("page_size").at(-1));
  const pos = decodeCursor(params.getAll("cursor").at(-1) ?? null, "date", false);
  const where = [`(me.agent OR (NOT m.is_internal AND EXISTS (SELECT 1 FROM tickets t WHERE t.id = m.ticket_id AND ${VISIBLE})))`];
  const tp = ticket ? p(ticket) : null;
  if (tp) where.push(`m.ticket_id = ${tp}::uuid`);
  const reverse = pos?.d === "p";
  const dir = reverse ? "DESC" : "ASC";
  if (pos) where.push(`(m.created_at, m.id) ${reverse ? "<" : ">"} (${p(new Date(pos.v[0] as string))}::timestamptz, ${p(pos.v[1] as string)}::uuid)`);
  const text = `WITH ${ME} SELECT me.agent AS me_agent, ${tp ? `EXISTS (SELECT 1 FROM tickets WHERE id = ${tp}::uuid)` : "TRUE"} AS ticket_exists, m.*
    FROM me LEFT JOIN LATERAL (
      SELECT m.id, m.ticket_id, m.author_id, coalesce(nullif(a.name, ''), nullif(a.email, '')) AS author_name, m.body,
             m.direction::text AS direction, m.is_internal, m.created_at, m.updated_at,
             coalesce((SELECT json_agg(json_build_object('id', f.id, 'name', f.name, 'size', f.size, 'content_type', f.content_type, 'created_at', f.created_at) ORDER BY f.created_at)
                       FROM attachments f WHERE f.message_id = m.id), '[]'::json) AS attachments
      FROM messages m LEFT JOIN users a ON a.id = m.author_id
      WHERE ${where.join(" AND ")} ORDER BY m.created_at ${dir}, m.id ${dir} LIMIT ${p(size + 1)}) m ON TRUE`;
  return { q: { text, values }, size, pos, ticket };
}

/** DRF cursor envelope: next/previous from the first and last row of the page. */
function envelope<T>(url: URL, rows: Record<string, unknown>[], size: number, pos: Cursor | null, keyOf: (r: Record<string, unknown>) => (string | number | null)[], out: (r: Record<string, unknown>) => T) {
  const reverse = pos?.d === "p";
  const more = rows.length > size;
  let page = rows.slice(0, size);
  if (reverse) page = page.reverse();
  const link = (c: Cursor | null) => {
    if (!c) return null;
    const u = new URL(url.href);
    u.searchParams.set("cursor", encodeCursor(c));
    return u.toString();
  };
  const hasNext = page.length > 0 && (reverse ? true : more);
  const hasPrev = page.length > 0 && (reverse ? more : pos !== null);
  return {
    next: link(hasNext ? { d: "n", v: keyOf(page[page.length - 1]) } : null),
    previous: link(hasPrev ? { d: "p", v: keyOf(page[0]) } : null),
    results: page.map(out),
  };
}

const keyValue = (v: unknown) => (v instanceof Date ? v.toISOString() : (v as string | number | null));

export function createReferenceServer(pool: pg.Pool): http.Server {
  return http.createServer(async (req, res) => {
    let trips = 0;
    const query = (q: ListQuery) => {
      trips++;
      return pool.query(q.text, q.values as unknown[]);
    };
    const send = (status: number, body: unknown) => {
      const text = JSON.stringify(body);
      res.writeHead(status, { "content-type": "application/json", "cache-control": "no-store", "x-db-round-trips": String(trips) });
      res.end(text);
    };
    try {
      const url = new URL(req.url ?? "/", `http://${req.headers.host ?? "localhost"}`);
      if (req.method !== "GET") throw new HttpError(405, { detail: `Method "${req.method}" not allowed.` });
      const m = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? "");
      if (!m) throw new HttpError(401, { detail: "Authentication credentials were not provided." });
      const userId = await verifyToken(m[1], "access");
      if (!userId) throw new HttpError(401, { detail: "Given token not valid for any token type" });
      const unknownUser = () => new HttpError(401, { detail: "Given token not valid for any token type" });
      if (url.pathname === "/api/v1/support/tickets/") {
        const { q, size, key, pos } = ticketListSql(userId, url.searchParams);
        const { rows } = await query(q);
        if (rows.length === 0) throw unknownUser();
        const agent = rows[0].me_agent as boolean;
        const found = rows.filter((r) => r.id !== null);
        const col = key.col;
        return send(200, envelope(url, found, size, pos, (r) => [keyValue(r[col]), r.id as string], (r) => serializeTicket(r, agent)));
      }
      if (url.pathname === "/api/v1/support/messages/") {
        const { q, size, pos } = messageListSql(userId, url.searchParams);
        const { rows } = await query(q);
        if (rows.length === 0) throw unknownUser();
        if (!rows[0].ticket_exists) throw new HttpError(400, { ticket: ["Select a valid choice. That choice is not one of the available choices."] });
        const found = rows.filter((r) => r.id !== null);
        return send(200, envelope(url, found, size, pos, (r) => [keyValue(r.created_at), r.id as string], serializeMessage));
      }
      throw new HttpError(404, { detail: "Not found." });
    } catch (e) {
      if (e instanceof HttpError) return send(e.status, e.body);
      console.error("[reference-server]", e);
      send(500, { detail: "A server error occurred." });
    }
  });
}

async function main() {
  const { values: a } = parseArgs({ options: { port: { type: "string", default: process.env.PORT || "4100" } } });
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is required (the reference server runs on PostgreSQL only)");
  const pool = new pg.Pool({ connectionString: url, max: Number(process.env.DATABASE_POOL_SIZE || 10) });
  const server = createReferenceServer(pool);
  server.keepAliveTimeout = 65_000;
  server.listen(Number(a.port), "127.0.0.1", () => console.log(`[reference-server] listening on http://127.0.0.1:${a.port}`));
  const stop = () => server.close(() => pool.end().then(() => process.exit(0)));
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

if (process.argv[1] && import.meta.filename === fs.realpathSync(process.argv[1])) main();
