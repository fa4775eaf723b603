import type { Prisma } from "@/lib/db/generated/client";
import { db } from "@/lib/db/client";
import type { Actor } from "../actor";
import { paginate, parseOrdering, type Position, type SortKey } from "../keyset";
import { ticketsVisibleTo } from "../scope";
import { CRM_ORDERING_FIELDS, type CrmTicketListQuery } from "@/lib/schemas/crm";
import { OPEN_STATUSES, STATUSES, isUuid } from "@/lib/schemas/common";
import { crmTicketSelect, type CrmTicketRow } from "./crm-ticket-select";
import { searchTerms } from "./list-tickets";

type OrderField = (typeof CRM_ORDERING_FIELDS)[number];

const SORT_COLUMNS: Record<OrderField, Omit<SortKey<CrmTicketRow>, "dir">> = {
  created_at: { field: "createdAt", type: "date", get: (t) => t.createdAt },
  // By severity (urgent > high > medium > low), not alphabetically.
  priority: { field: "priorityRank", type: "number", get: (t) => ({ low: 1, medium: 2, high: 3, urgent: 4 })[t.priority] },
  // The PostgreSQL enum orders by workflow (new < assigned < ... < closed).
  status: { field: "status", type: "string", get: (t) => t.status },
  due_date: { field: "slaDueAt", type: "date", nullable: true, get: (t) => t.slaDueAt },
};

/** DRF OrderingFilter semantics (see parseOrdering); default -created_at. */
export function crmSortKeys(ordering: string | undefined): SortKey<CrmTicketRow>[] {
  return parseOrdering(ordering, SORT_COLUMNS, "-created_at");
}

/**
 * Prisma has no gt/lt on enum columns, so the keyset comparison on `status` is rewritten into
 * the equivalent `in` list of the statuses before / after it in workflow order.
 */
function rewriteStatusRanges(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(rewriteStatusRanges);
  if (!node || typeof node !== "object" || node instanceof Date) return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) {
    const op = v as { gt?: string; lt?: string } | null;
    if (k === "status" && op && typeof op === "object" && (op.gt !== undefined || op.lt !== undefined)) {
      const at = STATUSES.indexOf((op.gt ?? op.lt) as (typeof STATUSES)[number]);
      out.status = { in: op.gt !== undefined ? STATUSES.slice(at + 1) : STATUSES.slice(0, Math.max(at, 0)) };
    } else out[k] = rewriteStatusRanges(v);
  }
  return out;
}

export function crmTicketFilters(actor: Actor, q: CrmTicketListQuery): Prisma.TicketWhereInput {
  const and: Prisma.TicketWhereInput[] = [ticketsVisibleTo(actor)];
  if (q.status) and.push({ status: q.status });
  if (q.priority) and.push({ priority: q.priority });
  if (q.category) and.push({ category: { equals: q.category.trim(), mode: "insensitive" } });
  if (q.company) and.push({ companyId: q.company });
  if (q.assigned_to) and.push({ assignedToId: q.assigned_to });
  if (q.assigned_team) {
    const team = q.assigned_team.trim();
    // By name as in the seed (?assigned_team=Tech); a team id works too.
    and.push(isUuid(team) ? { assignedTeamId: team.toLowerCase() } : { assignedTeam: { name: { equals: team, mode: "insensitive" } } });
  }
  // The seed's flags only filter when true; "false" means "don't filter", not the inverse.
  if (q.my_tickets) and.push({ assignedToId: actor.id });
  if (q.unassigned) and.push({ assignedToId: null });
  if (q.open) and.push({ status: { in: [...OPEN_STATUSES] } });
  for (const term of searchTerms(q.search)) {
    const like = { contains: term, mode: "insensitive" as const };
    and.push({ OR: [{ number: like }, { subject: like }, { description: like }, { company: { name: like } }] });
  }
  return { AND: and };
}

export async function listCrmTickets(
  actor: Actor,
  q: CrmTicketListQuery,
  pos: Position | null,
  size: number,
  keys = crmSortKeys(q.ordering),
) {
  const prisma = await db();
  const where = crmTicketFilters(actor, q);
  return paginate(keys, pos, size, (args) =>
    prisma.ticket.findMany({
      where: { AND: [where, rewriteStatusRanges(args.where) as Prisma.TicketWhereInput] },
      orderBy: args.orderBy as Prisma.TicketOrderByWithRelationInput[],
      take: args.take,
      select: crmTicketSelect(actor),
    }),
  );
}
