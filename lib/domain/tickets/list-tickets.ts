import type { Prisma } from "@/lib/db/generated/client";
import { db } from "@/lib/db/client";
import type { Actor } from "../actor";
import { paginate, parseOrdering, type Position, type SortKey } from "../keyset";
import { ticketsVisibleTo } from "../scope";
import { TICKET_ORDERING_FIELDS, type TicketListQuery } from "@/lib/schemas/support";
import { OPEN_STATUSES } from "@/lib/schemas/common";
import { ticketSelect, type TicketRow } from "./ticket-select";

type OrderField = (typeof TICKET_ORDERING_FIELDS)[number];

const SORT_COLUMNS: Record<OrderField, Omit<SortKey<TicketRow>, "dir">> = {
  created_at: { field: "createdAt", type: "date", get: (t) => t.createdAt },
  updated_at: { field: "updatedAt", type: "date", get: (t) => t.updatedAt },
  last_message_at: { field: "lastMessageAt", type: "date", get: (t) => t.lastMessageAt },
  sla_due_at: { field: "slaDueAt", type: "date", nullable: true, get: (t) => t.slaDueAt },
  // By severity (urgent > high > medium > low), not alphabetically.
  priority: { field: "priorityRank", type: "number", get: (t) => priorityRankOf(t) },
};

function priorityRankOf(t: TicketRow): number {
  return { low: 1, medium: 2, high: 3, urgent: 4 }[t.priority];
}

export function ticketSortKeys(ordering: string | undefined, fallback = "-last_message_at"): SortKey<TicketRow>[] {
  return parseOrdering(ordering, SORT_COLUMNS, fallback);
}

export function ticketFilters(actor: Actor, q: TicketListQuery, now = new Date()): Prisma.TicketWhereInput {
  const and: Prisma.TicketWhereInput[] = [ticketsVisibleTo(actor)];
  if (q.status) and.push({ status: q.status });
  if (q.priority) and.push({ priority: q.priority });
  if (q.channel) and.push({ channel: q.channel });
  if (q.contact) and.push({ contactId: q.contact });
  if (q.order) and.push({ orderId: q.order });
  if (q.assigned_to === "me") and.push({ assignedToId: actor.id });
  else if (q.assigned_to === "none") and.push({ assignedToId: null });
  else if (q.assigned_to) and.push({ assignedToId: q.assigned_to });
  const range = (field: "createdAt" | "lastMessageAt" | "slaDueAt", gte?: Date, lte?: Date) => {
    if (gte || lte) and.push({ [field]: { ...(gte && { gte }), ...(lte && { lte }) } });
  };
  range("createdAt", q.created_at_after, q.created_at_before);
  range("lastMessageAt", q.last_message_at_after, q.last_message_at_before);
  range("slaDueAt", q.sla_due_at_after, q.sla_due_at_before);
  // Overdue: past its SLA and still open (a resolved ticket cannot breach any more).
  const overdue: Prisma.TicketWhereInput = {
    slaDueAt: { lt: now },
    status: { in: [...OPEN_STATUSES] },
  };
  if (q.sla_overdue === true) and.push(overdue);
  // Spelled out rather than NOT(overdue): NOT over a NULL sla_due_at is NULL in SQL and would
  // drop tickets without an SLA, which are certainly not overdue.
  if (q.sla_overdue === false) {
    and.push({ OR: [{ slaDueAt: null }, { slaDueAt: { gte: now } }, { status: { notIn: [...OPEN_STATUSES] } }] });
  }
  for (const term of searchTerms(q.search)) {
    const like = { contains: term, mode: "insensitive" as const };
    and.push({
      OR: [
        { subject: like },
        { description: like },
        { contact: { email: like } },
        { user: { email: like } },
      ],
    });
  }
  return { AND: and };
}

/** DRF SearchFilter: terms split on whitespace and commas; every term must match. */
export function searchTerms(search: string | undefined): string[] {
  if (!search) return [];
  return [...new Set(search.replace(/\x00/g, "").split(/[\s,]+/).filter(Boolean))].slice(0, 10);
}

export async function listTickets(actor: Actor, q: TicketListQuery, pos: Position | null, size: number, keys = ticketSortKeys(q.ordering)) {
  const prisma = await db();
  const where = ticketFilters(actor, q);
  return paginate(keys, pos, size, (args) =>
    prisma.ticket.findMany({
      where: { AND: [where, args.where as Prisma.TicketWhereInput] },
      orderBy: args.orderBy as Prisma.TicketOrderByWithRelationInput[],
      take: args.take,
      select: ticketSelect,
    }),
  );
}
