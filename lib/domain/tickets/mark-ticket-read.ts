import { db } from "@/lib/db/client";
import { withTransaction } from "@/lib/db/transaction";
import type { Actor } from "../actor";
import { emit } from "../events/domain-events";
import { NotFoundError } from "../errors";
import { assertCan, can } from "../policy";
import { ticketsVisibleTo } from "../scope";
import { ticketSelect } from "./ticket-select";

/** Zeroes the actor's side of the unread counters: agents unread_by_agent, customers unread_by_customer. */
export async function markTicketRead(actor: Actor, id: string) {
  assertCan(actor, "ticket:mark-read");
  const prisma = await db();
  const agentSide = can(actor, "queue:view");
  const side = agentSide ? { unreadByAgent: 0 } : { unreadByCustomer: 0 };
  return withTransaction(prisma, async (tx) => {
    // Only a counter that actually drops is news for other open pages; reading an already
    // read ticket changes nothing and tells nobody.
    const dropped = await tx.ticket.updateMany({
      where: { id, ...ticketsVisibleTo(actor), ...(agentSide ? { unreadByAgent: { gt: 0 } } : { unreadByCustomer: { gt: 0 } }) },
      data: side,
    });
    if (dropped.count === 0) {
      const visible = await tx.ticket.findFirst({ where: { id, ...ticketsVisibleTo(actor) }, select: { id: true } });
      if (!visible) throw new NotFoundError();
    } else {
      await emit(tx, { type: "ticket.read", actor, ticketId: id, side: agentSide ? "agent" : "customer", at: new Date() });
    }
    return tx.ticket.findUniqueOrThrow({ where: { id }, select: ticketSelect });
  });
}
