import { db } from "@/lib/db/client";
import { withTransaction } from "@/lib/db/transaction";
import type { Actor } from "../actor";
import { NotFoundError, PermissionDeniedError, ValidationError } from "../errors";
import { assertCan, can } from "../policy";
import type { PreparedUpload } from "../attachments/uploads";
import { appendMessage } from "./append-message";
import { lockTicket, ticketVisibleTo } from "../tickets/lock-ticket";

export interface PostMessageInput {
  ticketId: string;
  body: string;
  isInternal?: boolean;
  uploads?: PreparedUpload[];
}

/**
 * Posts a reply or an internal note. Direction comes from who posts (agents outbound,
 * customers inbound); only agents may post internal notes; the message, its files, the
 * ticket's counters and the event are one transaction. `ticketAddressed`: the ticket came
 * from the URL (an invisible one is then 404) rather than from a body field (400 / 403).
 */
export async function postMessage(actor: Actor, input: PostMessageInput, opts: { ticketAddressed?: boolean } = {}) {
  const isInternal = input.isInternal ?? false;
  const uploads = input.uploads ?? [];
  const body = input.body.trim();
  const validate = () => {
    if (isInternal && !can(actor, "message:post-internal")) {
      throw ValidationError.field("isInternal", "Only support agents can post internal notes.");
    }
    if (!body && uploads.length === 0) throw ValidationError.field("body", "This field may not be blank.");
  };
  // A ticket named in a body field is validated like any field first; one addressed by the
  // URL must exist for the actor before anything about the body is said.
  if (!opts.ticketAddressed) validate();
  const prisma = await db();
  return withTransaction(prisma, async (tx) => {
    // One round trip reads, locks and (below) authorizes the ticket.
    const ticket = await lockTicket(tx, input.ticketId);
    if (!ticket || !ticketVisibleTo(actor, ticket.subject)) {
      if (opts.ticketAddressed) throw new NotFoundError();
      if (!ticket) throw ValidationError.invalidPk("ticketId", input.ticketId);
      throw new PermissionDeniedError("You are not a participant of this ticket.");
    }
    if (opts.ticketAddressed) validate();
    assertCan(actor, "message:post", { ticket: ticket.subject }, "You are not a participant of this ticket.");
    return appendMessage(tx, actor, { ticketId: ticket.id, body, isInternal, uploads, at: new Date(), locked: ticket });
  });
}
