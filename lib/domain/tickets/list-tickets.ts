import type { Prisma } from "@/lib/db/generated/client";
import { db, dbHandle } from "@/lib/db/client";
import type { Actor } from "../actor";
import { assertReferencesExist } from "../filter-references";
import { paginate, sortKeys, type Page, type PageRequest, type SortKey } from "../keyset";
import { ticketsVisibleTo } from "../scope";
import { literal, relatedMatches, type RelatedMatches, type SearchRelation } from "./search-matches";
import { ticketSelect, type TicketRow } from "./ticket-select";
import { compileTicketPage, ticketRowOf, type Guard } from "./ticket-sql";
import { actorGuard, actorSnapshot, loadActor, type Claims } from "../auth/authenticate";
import { ticketThreadSelect, type TicketWithThread } from "./ticket-thread-select";
import {
  OPEN_STATUSES,
  PRIORITY_RANK,
  STATUSES,
  type DateRange,
  type SortSpec,
  type TicketFilter,
  type TicketSearchField,
  type TicketSortField,
} from "./types";

const SORT_COLUMNS: Record<TicketSortField, Omit<SortKey<TicketRow>, "dir">> = {
  createdAt: { field: "createdAt", type: "date", get: (t) => t.createdAt },
  updatedAt: { field: "updatedAt", type: "date", get: (t) => t.updatedAt },
  lastMessageAt: { field: "lastMessageAt", type: "date", get: (t) => t.lastMessageAt },
  slaDueAt: { field: "slaDueAt", type: "date", nullable: true, get: (t) => t.slaDueAt },
  // By severity (urgent > high > medium > low), not alphabetically.
  priority: { field: "priorityRank", type: "number", fewValues: true, get: (t) => PRIORITY_RANK[t.priority] },
  // The PostgreSQL enum orders by workflow (new < assigned < ... < closed).
  status: { field: "status", type: "string", fewValues: true, get: (t) => t.status },
};

/** Sort keys for a ticket ordering, ending in the id tie-breaker. */
export function ticketSortKeys<R extends TicketRow = TicketRow>(spec: readonly SortSpec<TicketSortField>[]): SortKey<R>[] {
  return sortKeys(SORT_COLUMNS, spec) as SortKey<R>[];
}

/**
 * The element of tickets.search_grams a term of one or two characters must find (see the
 * migration ticket_search_grams), or null when the grams cannot answer for it: a longer term
 * (the trigram indexes serve those), a control character, or a character whose lowercase form
 * JavaScript and PostgreSQL could disagree on (only ASCII and caseless characters qualify:
 * digits, punctuation, CJK...). The lowercase must be PostgreSQL's `lower()`, which ILIKE uses.
 */
export function shortTermGram(term: string): string | null {
  const chars = [...term];
  if (chars.length > 2) return null;
  let out = "";
  for (const c of chars) {
    if (/[\p{Cc}\p{Cs}\p{Cn}]/u.test(c)) return null;
    if (c >= "A" && c <= "Z") out += c.toLowerCase();
    else if (c <= "\x7f" || (c.toLowerCase() === c && c.toUpperCase() === c)) out += c;
    else return null;
  }
  return out;
}

function searchClause(term: string, fields: readonly TicketSearchField[], matches?: RelatedMatches): Prisma.TicketWhereInput {
  const like = { contains: literal(term), mode: "insensitive" as const };
  // A short term: the ticket's own text columns are tested only where the GIN index of their
  // grams says the characters occur (the ILIKE still decides). Without it, a short term that
  // few tickets hold reads every ticket: no trigram index can serve one or two characters.
  const gram = shortTermGram(term);
  const own = (columns: ("subject" | "description" | "number")[], key: string | null): Prisma.TicketWhereInput[] => {
    if (columns.length === 0) return [];
    const tests = columns.map((c) => ({ [c]: like }));
    if (key === null) return tests;
    return [{ AND: [{ searchGrams: { hasSome: [key] } }, tests.length === 1 ? tests[0] : { OR: tests }] }];
  };
  const ids = matches?.get(term);
  // The same test on the ticket's own foreign key when the matching rows were looked up first.
  const related = (rel: SearchRelation, key: "contactId" | "userId" | "companyId", join: Prisma.TicketWhereInput) => {
    const found = ids?.[rel];
    return found ? { [key]: { in: found } } : join;
  };
  const text = fields.filter((f) => f === "subject" || f === "description");
  const or: Prisma.TicketWhereInput[] = [...own(text, gram), ...own(fields.includes("number") ? ["number"] : [], gram === null ? null : `#${gram}`)];
  for (const f of fields) {
    if (f === "subject" || f === "description" || f === "number") continue;
    else if (f === "companyName") or.push(related("company", "companyId", { company: { name: like } }));
    else or.push(related("contact", "contactId", { contact: { email: like } }), related("user", "userId", { user: { email: like } }));
  }
  return { OR: or };
}

function inRange(range: DateRange | undefined) {
  if (!range || (!range.from && !range.to)) return undefined;
  return { ...(range.from && { gte: range.from }), ...(range.to && { lte: range.to }) };
}

/** The filter as a `where` clause, always inside the actor's visibility. */
export function ticketWhere(actor: Actor, f: TicketFilter, now = new Date(), matches?: RelatedMatches): Prisma.TicketWhereInput {
  const and: Prisma.TicketWhereInput[] = [ticketsVisibleTo(actor)];
  if (f.status) and.push({ status: f.status });
  if (f.openOnly) and.push({ status: { in: [...OPEN_STATUSES] } });
  if (f.priority) and.push({ priority: f.priority });
  if (f.channel) and.push({ channel: f.channel });
  // Prisma compares a case-insensitive equality with ILIKE: the value is escaped like a search
  // term's, so `bill_ng` is that text and not a pattern matching "billing".
  if (f.category !== undefined) and.push({ category: { equals: literal(f.category.trim()), mode: "insensitive" } });
  if (f.contactId) and.push({ contactId: f.contactId });
  if (f.orderId) and.push({ orderId: f.orderId });
  if (f.companyId) and.push({ companyId: f.companyId });
  for (const a of f.assignee ?? []) and.push({ assignedToId: a === "me" ? actor.id : a === "none" ? null : a.id });
  if (f.team) {
    and.push("id" in f.team ? { assignedTeamId: f.team.id } : { assignedTeam: { name: { equals: literal(f.team.name), mode: "insensitive" } } });
  }
  const created = inRange(f.createdAt);
  if (created) and.push({ createdAt: created });
  const lastMessage = inRange(f.lastMessageAt);
  if (lastMessage) and.push({ lastMessageAt: lastMessage });
  const due = inRange(f.slaDueAt);
  if (due) and.push({ slaDueAt: due });
  // Overdue: past its SLA and still open (a resolved ticket cannot breach any more).
  if (f.slaOverdue === true) and.push({ slaDueAt: { lt: now }, status: { in: [...OPEN_STATUSES] } });
  // Spelled out rather than NOT(overdue): NOT over a NULL sla_due_at is NULL in SQL and would
  // drop tickets without an SLA, which are certainly not overdue.
  if (f.slaOverdue === false) {
    and.push({ OR: [{ slaDueAt: null }, { slaDueAt: { gte: now } }, { status: { notIn: [...OPEN_STATUSES] } }] });
  }
  // Any-of, served by the GIN index on tickets.tags.
  if (f.tags?.length) and.push({ tags: { hasSome: f.tags } });
  for (const term of f.search?.terms ?? []) and.push(searchClause(term, f.search!.fields, matches));
  return { AND: and };
}

/**
 * Prisma has no gt/lt/gte/lte on enum columns, so a keyset comparison on `status` is rewritten into
 * the equivalent `in` list of the statuses before / after it in workflow order.
 */
function rewriteStatusRanges(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(rewriteStatusRanges);
  if (!node || typeof node !== "object" || node instanceof Date) return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) {
    const op = v as { gt?: string; lt?: string; gte?: string; lte?: string } | null;
    const bound = op && typeof op === "object" ? (op.gt ?? op.lt ?? op.gte ?? op.lte) : undefined;
    if (k === "status" && typeof v === "string") {
      // An equality from keysetSlices' tie slice: a status the enum lacks matches nothing.
      out.status = STATUSES.includes(v as (typeof STATUSES)[number]) ? v : { in: [] };
    } else if (k === "status" && bound !== undefined) {
      const at = STATUSES.indexOf(bound as (typeof STATUSES)[number]);
      // gte/lte are redundant bounds (keysetSlices): an unknown status must not narrow them.
      if (op!.gt !== undefined) out.status = { in: STATUSES.slice(at + 1) };
      else if (op!.lt !== undefined) out.status = { in: STATUSES.slice(0, Math.max(at, 0)) };
      else if (at < 0) out.status = { in: [...STATUSES] };
      else out.status = { in: op!.gte !== undefined ? STATUSES.slice(at) : STATUSES.slice(0, at + 1) };
    } else out[k] = rewriteStatusRanges(v);
  }
  return out;
}

/** The `where` of one keyset slice (keysetSlices) of a list filtered by `where`. */
export function sliceWhere(where: Prisma.TicketWhereInput, slice: Record<string, unknown>): Prisma.TicketWhereInput {
  return { AND: [where, rewriteStatusRanges(slice) as Prisma.TicketWhereInput] };
}

/**
 * The filter's `where` as the list runs it: references checked (an unknown contact is a 400,
 * not an empty list) and search terms resolved against related rows first. The list and its
 * bounded count (count-tickets.ts) both start here, so they can never disagree.
 */
export async function resolveTicketWhere(prisma: Awaited<ReturnType<typeof db>>, actor: Actor, filter: TicketFilter): Promise<Prisma.TicketWhereInput> {
  const search = filter.search?.terms.length ? filter.search : undefined;
  const [matches] = await Promise.all([
    search ? relatedMatches((await dbHandle()).rows, search.terms, search.fields) : undefined,
    assertReferencesExist(prisma, [
      { field: "contactId", model: "contact", id: filter.contactId },
      { field: "orderId", model: "order", id: filter.orderId },
      { field: "companyId", model: "company", id: filter.companyId },
      ...(filter.assignee ?? []).map((a) => ({ field: "assignee", model: "user" as const, id: typeof a === "object" ? a.id : undefined })),
    ]),
  ]);
  return ticketWhere(actor, filter, new Date(), matches);
}

/**
 * One page of the tickets the actor may see, narrowed by the filter, in keyset order. The
 * "thread" view nests each ticket's messages and attachments (joined in: the query count does
 * not grow with the page size).
 */
export async function listTickets(actor: Actor, filter: TicketFilter, page: PageRequest<TicketRow>): Promise<Page<TicketRow>>;
export async function listTickets(actor: Actor, filter: TicketFilter, page: PageRequest<TicketWithThread>, view: "thread"): Promise<Page<TicketWithThread>>;
export async function listTickets(
  actor: Actor,
  filter: TicketFilter,
  page: PageRequest<TicketRow> | PageRequest<TicketWithThread>,
  view: "summary" | "thread" = "summary",
) {
  return pageOf(actor, filter, page as PageRequest<TicketRow>, view);
}

class Unguarded extends Error {}

async function pageOf(actor: Actor, filter: TicketFilter, page: PageRequest<TicketRow>, view: "summary" | "thread", guard?: Guard): Promise<Page<TicketRow>> {
  const handle = await dbHandle();
  const prisma = handle.prisma;
  const where = await resolveTicketWhere(prisma, actor, filter);
  return paginate<TicketRow>(page, async (args) => {
    const w = sliceWhere(where, args.where);
    // The summary page as one hand-compiled statement (ticket-sql.ts); the thread view, and a
    // filter shape the compiler does not know, through Prisma.
    const sql = view === "summary" ? compileTicketPage(w, args.orderBy, args.take, guard) : null;
    // A guard needs the compiled statement; without one, the caller reads the actor first.
    if (guard && !sql) throw new Unguarded();
    if (sql) return (await handle.rows<Parameters<typeof ticketRowOf>[0]>(sql.text, sql.values)).map(ticketRowOf);
    return prisma.ticket.findMany({
      where: w,
      orderBy: args.orderBy as Prisma.TicketOrderByWithRelationInput[],
      take: args.take,
      select: view === "thread" ? ticketThreadSelect(actor) : ticketSelect,
    });
  });
}

/**
 * The summary list for a request known by its credential's claims, in one round trip when it
 * can be: the page's statement is built for the actor this process last loaded for the user
 * (actorSnapshot) and carries actorGuard, so it returns rows only if the user's row still says
 * exactly that (active, same role, permissions, team, sessions not ended since the credential
 * was issued): a deactivation or a role change applies to the very next request, as with
 * loadActor first. An empty page cannot tell "nothing matches" from "the actor changed", so it
 * reads the actor and, when it did change, lists again for the actor as it now is. A filter
 * that names rows (contact, order, company, assignee) reads the actor first as well, so that a
 * refused user is told 401 and not whether a row exists. Null: the credential no longer stands
 * for an active user (the caller answers 401).
 */
export async function listTicketsFor(claims: Claims, filter: TicketFilter, page: PageRequest<TicketRow>): Promise<{ actor: Actor; page: Page<TicketRow> } | null> {
  const guess = actorSnapshot(claims.userId);
  const namesRows = !!(filter.contactId || filter.orderId || filter.companyId || filter.assignee?.some((a) => typeof a === "object"));
  let guarded = !!guess && !namesRows;
  if (guess && guarded) {
    try {
      const found = await pageOf(guess, filter, page, "summary", (add) => actorGuard(guess, claims, add));
      if (found.rows.length > 0) return { actor: guess, page: found };
    } catch (e) {
      if (!(e instanceof Unguarded)) throw e;
      guarded = false;
    }
  }
  const actor = await loadActor(claims.userId, claims.issuedAt);
  if (!actor) return null;
  if (guess && guarded && sameActor(actor, guess)) return { actor, page: { rows: [], next: null, prev: null } };
  return { actor, page: await pageOf(actor, filter, page, "summary") };
}

function sameActor(a: Actor, b: Actor): boolean {
  return (
    a.id === b.id &&
    a.email === b.email &&
    a.name === b.name &&
    a.role === b.role &&
    a.isStaff === b.isStaff &&
    a.teamId === b.teamId &&
    a.permissions.length === b.permissions.length &&
    a.permissions.every((p, i) => p === b.permissions[i])
  );
}
