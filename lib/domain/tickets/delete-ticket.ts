import { db } from "@/lib/db/client";
import { withTransaction } from "@/lib/db/transaction";
import type { Actor } from "../actor";
import { emit } from "../events/domain-events";
import { NotFoundError } from "../errors";
import { assertCan } from "../policy";
import { ticketsVisibleTo } from "../scope";

/** Deletes a ticket with its messages, files and events (cascade). Admins only. */
export async function deleteTicket(actor: Actor, id: string): Promise<void> {
  const prisma = await db();
  await withTransaction(prisma, async (tx) => {
    const t = await tx.ticket.findFirst({
      where: { id, ...ticketsVisibleTo(actor) },
      select: { assignedToId: true, userId: true, contact: { select: { userId: true } } },
    });
    if (!t) throw new NotFoundError();
    assertCan(actor, "ticket:delete", { ticket: t }, "Only admins can delete tickets.");
    await tx.ticket.delete({ where: { id }, select: { id: true } });
    await emit(tx, {
      type: "ticket.deleted",
      actor,
      ticketId: id,
      requesterId: t.userId,
      contactUserId: t.contact?.userId ?? null,
      assignedToId: t.assignedToId,
      at: new Date(),
    });
  });
}
