import { db } from "@/lib/db/client";
import { withTransaction } from "@/lib/db/transaction";
import type { Actor } from "../actor";
import { emit } from "../events/domain-events";
import { NotFoundError } from "../errors";
import { assertCan, isAgent } from "../policy";
import { ticketSubject, ticketSubjectSelect } from "./ticket-subject";
import { ticketsVisibleTo } from "../scope";
import { ticketSelect } from "./ticket-select";

/** Zeroes the actor's side of the unread counters: agents unread_by_agent, customers unread_by_customer. */
export async function markTicketRead(actor: Actor, id: string) {
  const prisma = await db();
  return withTransaction(prisma, async (tx) => {
    const t = await tx.ticket.findFirst({ where: { id, ...ticketsVisibleTo(actor) }, select: ticketSubjectSelect });
    if (!t) throw new NotFoundError();
    assertCan(actor, "ticket:view", { ticket: ticketSubject(t) });
    // Which side read it (not a permission): agents clear unread_by_agent, customers their own.
    const agentSide = isAgent(actor);
    const side = agentSide ? { unreadByAgent: 0 } : { unreadByCustomer: 0 };
    // Only a counter that actually drops is news for other open pages; reading an already
    // read ticket changes nothing and tells nobody.
    const dropped = await tx.ticket.updateMany({
      where: { id, ...(agentSide ? { unreadByAgent: { gt: 0 } } : { unreadByCustomer: { gt: 0 } }) },
      data: side,
    });
    if (dropped.count > 0) {
      await emit(tx, { type: "ticket.read", actor, ticketId: id, side: agentSide ? "agent" : "customer", at: new Date() });
    }
    return tx.ticket.findUniqueOrThrow({ where: { id }, select: ticketSelect });
  });
}
