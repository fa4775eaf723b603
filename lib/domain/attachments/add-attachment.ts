import { db } from "@/lib/db/client";
import { withTransaction } from "@/lib/db/transaction";
import type { Actor } from "../actor";
import { emit } from "../events/domain-events";
import { recordEvent } from "../events/record-event";
import { PermissionDeniedError, ValidationError } from "../errors";
import { ticketsVisibleTo } from "../scope";
import { assertCan } from "../policy";
import { ticketSubject, ticketSubjectSelect } from "../tickets/ticket-subject";
import { attachmentSelect } from "../tickets/ticket-thread-select";
import type { PreparedUpload } from "./uploads";

/**
 * Attaches a file to a ticket itself (not to a message: the CRM uploads files on their own).
 * Anyone who can see the ticket may attach; the bytes go to attachment_blobs in the same
 * transaction as the metadata and the event.
 */
export async function addAttachment(actor: Actor, ticketId: string, upload: PreparedUpload) {
  const prisma = await db();
  return withTransaction(prisma, async (tx) => {
    const ticket = await tx.ticket.findFirst({ where: { id: ticketId, ...ticketsVisibleTo(actor) }, select: ticketSubjectSelect });
    if (!ticket) {
      const exists = await tx.ticket.findUnique({ where: { id: ticketId }, select: { id: true } });
      if (!exists) throw ValidationError.invalidPk("ticketId", ticketId);
      throw new PermissionDeniedError("You are not a participant of this ticket.");
    }
    assertCan(actor, "attachment:add", { ticket: ticketSubject(ticket) }, "You are not a participant of this ticket.");
    const now = new Date();
    const a = await tx.attachment.create({
      data: {
        ticketId,
        uploadedById: actor.id,
        name: upload.name,
        contentType: upload.contentType,
        size: upload.size,
        sha256: upload.sha256,
        createdAt: now,
        blob: { create: { content: Buffer.from(upload.bytes) } },
      },
      select: attachmentSelect,
    });
    await recordEvent(tx, {
      ticketId,
      actorId: actor.id,
      type: "ticket_updated",
      data: { fields: ["attachments"], attachment_id: a.id, action: "attachment_added" },
      at: now,
    });
    await emit(tx, { type: "attachment.created", actor, ticketId, attachmentId: a.id, isInternal: false, at: now });
    return a;
  });
}
