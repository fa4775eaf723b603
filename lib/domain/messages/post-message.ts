import { db } from "@/lib/db/client";
import { withTransaction } from "@/lib/db/transaction";
import type { Actor } from "../actor";
import { NotFoundError, PermissionDeniedError, ValidationError } from "../errors";
import { isAgent } from "../policy";
import { ticketsVisibleTo } from "../scope";
import type { PreparedUpload } from "../attachments/uploads";
import { appendMessage } from "./append-message";
import { messageSelect } from "./message-select";

export interface PostMessageInput {
  ticket: string;
  body: string;
  is_internal?: boolean;
}

/**
 * Posts a reply or an internal note. Direction comes from who posts (agents outbound,
 * customers inbound); only agents may post internal notes; the message, its files, the
 * ticket's counters and the event are one transaction.
 */
export async function postMessage(actor: Actor, input: PostMessageInput, uploads: PreparedUpload[] = []) {
  const agent = isAgent(actor);
  const isInternal = input.is_internal ?? false;
  if (isInternal && !agent) {
    throw ValidationError.field("is_internal", "Only support agents can post internal notes.");
  }
  const body = input.body.trim();
  if (!body && uploads.length === 0) throw ValidationError.field("body", "This field may not be blank.");

  const prisma = await db();
  return withTransaction(prisma, async (tx) => {
    const ticket = await tx.ticket.findFirst({
      where: { id: input.ticket, ...ticketsVisibleTo(actor) },
      select: { id: true },
    });
    if (!ticket) {
      const exists = await tx.ticket.findUnique({ where: { id: input.ticket }, select: { id: true } });
      if (!exists) throw ValidationError.field("ticket", `Invalid pk "${input.ticket}" - object does not exist.`);
      throw new PermissionDeniedError("You are not a participant of this ticket.");
    }
    const m = await appendMessage(tx, actor, {
      ticketId: ticket.id,
      body,
      isInternal,
      uploads,
      at: new Date(),
    });
    const row = await tx.message.findUnique({ where: { id: m.id }, select: messageSelect });
    if (!row) throw new NotFoundError();
    return row;
  });
}
