import { db } from "@/lib/db/client";
import type { Actor } from "../actor";
import { NotFoundError } from "../errors";
import { assertCan, isAgent } from "../policy";
import { ticketSubject, ticketSubjectSelect } from "./ticket-subject";
import { ticketsVisibleTo } from "../scope";
import { ticketSelect } from "./ticket-select";

/** Zeroes the actor's side of the unread counters: agents unread_by_agent, customers unread_by_customer. */
export async function markTicketRead(actor: Actor, id: string) {
  const prisma = await db();
  const t = await prisma.ticket.findFirst({ where: { id, ...ticketsVisibleTo(actor) }, select: ticketSubjectSelect });
  if (!t) throw new NotFoundError();
  assertCan(actor, "ticket:view", { ticket: ticketSubject(t) });
  // Which side read it (not a permission): agents clear unread_by_agent, customers their own.
  const side = isAgent(actor) ? { unreadByAgent: 0 } : { unreadByCustomer: 0 };
  const { count } = await prisma.ticket.updateMany({ where: { id }, data: side });
  if (count === 0) throw new NotFoundError(); // deleted meanwhile
  return prisma.ticket.findUniqueOrThrow({ where: { id }, select: ticketSelect });
}
