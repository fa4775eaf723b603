import { db } from "@/lib/db/client";
import { withTransaction } from "@/lib/db/transaction";
import type { Actor } from "../actor";
import { emit } from "../events/domain-events";
import { recordEvent } from "../events/record-event";
import { NotFoundError } from "../errors";
import { assertCan } from "../policy";
import { messagesVisibleTo } from "../scope";
import { removePublicMessageFromCounters } from "./message-counters";

/**
 * Deletes a message and its files (the author or an admin). The ticket's counters are lowered
 * in SQL in the same transaction; the event is internal when the message was.
 */
export async function deleteMessage(actor: Actor, id: string): Promise<void> {
  const prisma = await db();
  await withTransaction(prisma, async (tx) => {
    const found = await tx.message.findFirst({ where: { id, ...messagesVisibleTo(actor) }, select: { authorId: true } });
    if (!found) throw new NotFoundError();
    assertCan(actor, "message:delete", { ownerId: found.authorId }, "Only the author or an admin can delete this comment.");
    await tx.$queryRaw`SELECT id FROM messages WHERE id = ${id}::uuid FOR UPDATE`;
    const m = await tx.message.findUnique({
      where: { id },
      select: { id: true, ticketId: true, direction: true, isInternal: true, createdAt: true },
    });
    if (!m) throw new NotFoundError(); // deleted concurrently
    if (m.isInternal) {
      await tx.$executeRaw`
        UPDATE tickets SET internal_message_count = GREATEST(internal_message_count - 1, 0) WHERE id = ${m.ticketId}::uuid`;
    } else {
      await removePublicMessageFromCounters(tx, m);
    }
    await tx.message.delete({ where: { id }, select: { id: true } });
    const at = new Date();
    await recordEvent(tx, {
      ticketId: m.ticketId,
      actorId: actor.id,
      type: "ticket_updated",
      isInternal: m.isInternal,
      data: { fields: ["comments"], message_id: id, action: "message_deleted" },
      at,
    });
    await emit(tx, { type: "message.deleted", actor, ticketId: m.ticketId, messageId: id, isInternal: m.isInternal, at });
  });
}
