import { db } from "@/lib/db/client";
import { withTransaction } from "@/lib/db/transaction";
import type { Actor } from "../actor";
import { NotFoundError, PermissionDeniedError, PreconditionFailedError, ValidationError } from "../errors";
import { etagMatches } from "../tickets/etag";
import { assertCan, can } from "../policy";
import type { PreparedUpload } from "../attachments/uploads";
import { appendMessage } from "./append-message";
import { lockTicket, ticketVisibleTo } from "../tickets/lock-ticket";
import type { TicketStatus } from "@/lib/db/generated/client";
import { replyAssignee } from "../tickets/lifecycle";

export interface PostMessageInput {
  ticketId: string;
  body: string;
  isInternal?: boolean;
  uploads?: PreparedUpload[];
  /** Agents: a status set in the same transaction ("send and set pending"). */
  status?: TicketStatus;
  /**
   * The ticket's ETag as the author last saw it (If-Match). A ticket edited since (status,
   * assignment, a field; see tickets/etag.ts) refuses the message with 412 and writes nothing,
   * so an agent never answers a ticket that changed under them without knowing it.
   */
  ifMatch?: string | null;
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
    if (input.status !== undefined && !can(actor, "ticket:update")) {
      throw ValidationError.field("status", "Only support agents can set the status.");
    }
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
    if (input.ifMatch != null && !etagMatches(input.ifMatch, ticket)) {
      throw new PreconditionFailedError(undefined, ticket.id);
    }
    // A public reply that is the ticket's first response takes an unassigned ticket, when the
    // agent may take it and the auto_assign_on_reply setting (default: AUTO_ASSIGN_ON_REPLY,
    // read with the ticket's lock) is on; a status sent along is then the new assignee's to set.
    const taker = !isInternal && can(actor, "ticket:read-internal") && ticket.autoAssignOnReply ? replyAssignee(ticket, actor.id) : null;
    const assignTo = taker && can(actor, "ticket:assign", { ticket: ticket.subject, assignTo: taker }) ? taker : null;
    if (input.status !== undefined && input.status !== ticket.status) {
      const owner = { ...ticket.subject, assignedToId: assignTo ?? ticket.assignedToId };
      assertCan(actor, "ticket:change-status", { ticket: owner }, "Only the assignee or an admin can change the status of this ticket.");
    }
    return appendMessage(tx, actor, { ticketId: ticket.id, body, isInternal, uploads, at: new Date(), locked: ticket, assignTo, setStatus: input.status });
  });
}
