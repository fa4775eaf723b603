import { db } from "@/lib/db/client";
import { withTransaction } from "@/lib/db/transaction";
import type { Actor } from "../actor";
import { emit } from "../events/domain-events";
import { recordEvent } from "../events/record-event";
import { NotFoundError } from "../errors";
import { assertCan } from "../policy";
import { attachmentsVisibleTo } from "../scope";

/** Deletes an attachment and its bytes (the uploader or an admin). */
export async function deleteAttachment(actor: Actor, id: string): Promise<void> {
  const prisma = await db();
  await withTransaction(prisma, async (tx) => {
    const a = await tx.attachment.findFirst({
      where: { id, ...attachmentsVisibleTo(actor) },
      select: { id: true, ticketId: true, uploadedById: true, message: { select: { isInternal: true } } },
    });
    if (!a) throw new NotFoundError();
    assertCan(actor, "attachment:delete", { ownerId: a.uploadedById }, "Only the uploader or an admin can delete this attachment.");
    const { count } = await tx.attachment.deleteMany({ where: { id } });
    if (count === 0) throw new NotFoundError(); // deleted concurrently
    const at = new Date();
    const isInternal = a.message?.isInternal ?? false;
    await recordEvent(tx, {
      ticketId: a.ticketId,
      actorId: actor.id,
      type: "ticket_updated",
      isInternal,
      data: { fields: ["attachments"], attachment_id: id, action: "attachment_deleted" },
      at,
    });
    await emit(tx, { type: "attachment.deleted", actor, ticketId: a.ticketId, attachmentId: id, isInternal, at });
  });
}
