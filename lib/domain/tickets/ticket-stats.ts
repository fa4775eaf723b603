import type { Prisma } from "@/lib/db/generated/client";
import { db } from "@/lib/db/client";
import type { Actor } from "../actor";
import { ticketsVisibleTo } from "../scope";
import { OPEN_STATUSES, PRIORITIES, STATUSES } from "./types";

/**
 * Dashboard counts over the tickets the actor may see, in four queries whatever the number of
 * tickets: one GROUP BY status, priority (total, by_status, by_priority) and three counts.
 * "overdue" matches is_overdue: past the SLA due time and still open.
 */
export async function ticketStats(actor: Actor, now = new Date()) {
  const prisma = await db();
  const visible = ticketsVisibleTo(actor);
  const scoped = (w: Prisma.TicketWhereInput): Prisma.TicketWhereInput => ({ AND: [visible, w] });
  const open = { status: { in: [...OPEN_STATUSES] } };
  const [groups, mine, unassigned, overdue] = await Promise.all([
    prisma.ticket.groupBy({ by: ["status", "priority"], where: visible, _count: { _all: true } }),
    prisma.ticket.count({ where: scoped({ assignedToId: actor.id, ...open }) }),
    prisma.ticket.count({ where: scoped({ assignedToId: null }) }),
    prisma.ticket.count({ where: scoped({ slaDueAt: { lt: now }, ...open }) }),
  ]);
  const by_status = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<(typeof STATUSES)[number], number>;
  const by_priority = Object.fromEntries(PRIORITIES.map((p) => [p, 0])) as Record<(typeof PRIORITIES)[number], number>;
  let total = 0;
  for (const g of groups) {
    total += g._count._all;
    by_status[g.status] += g._count._all;
    by_priority[g.priority] += g._count._all;
  }
  return { total, by_status, by_priority, my_open_tickets: mine, unassigned, overdue };
}
