import { db } from "@/lib/db/client";
import type { Actor } from "../actor";
import { NotFoundError } from "../errors";
import { assertCan, can } from "../policy";
import { ticketsVisibleTo } from "../scope";
import { ticketSelect } from "./ticket-select";

/** Zeroes the actor's side of the unread counters: agents unread_by_agent, customers unread_by_customer. */
export async function markTicketRead(actor: Actor, id: string) {
  assertCan(actor, "ticket:mark-read");
  const prisma = await db();
  const side = can(actor, "queue:view") ? { unreadByAgent: 0 } : { unreadByCustomer: 0 };
  const { count } = await prisma.ticket.updateMany({ where: { id, ...ticketsVisibleTo(actor) }, data: side });
  if (count === 0) throw new NotFoundError();
  return prisma.ticket.findUniqueOrThrow({ where: { id }, select: ticketSelect });
}
