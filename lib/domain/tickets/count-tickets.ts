import { db } from "@/lib/db/client";
import type { Actor } from "../actor";
import { resolveTicketWhere } from "./list-tickets";
import type { TicketFilter } from "./types";

/** Counts stop here: past it a view says "1,000+". */
export const TICKET_COUNT_CAP = 1000;

export interface BoundedCount {
  /** Exact when `capped` is false; otherwise the cap. */
  count: number;
  capped: boolean;
}

/**
 * How many tickets a filtered view holds, exact up to the cap and "more than that" beyond it:
 * `SELECT count(*) FROM (SELECT … LIMIT cap + 1)`, so a huge view costs no more than reading
 * cap + 1 index entries. Same `where` (visibility included) as listTickets.
 */
export async function countTickets(actor: Actor, filter: TicketFilter, cap = TICKET_COUNT_CAP): Promise<BoundedCount> {
  const prisma = await db();
  const where = await resolveTicketWhere(prisma, actor, filter);
  // Prisma turns `take` on a count into a LIMIT inside a sub-select.
  const n = await prisma.ticket.count({ where, take: cap + 1 });
  return n > cap ? { count: cap, capped: true } : { count: n, capped: false };
}
