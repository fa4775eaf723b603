import type { Prisma, TicketStatus } from "@/lib/db/generated/client";
import type { Actor } from "../actor";
import { emit } from "../events/domain-events";
import { recordEvent } from "../events/record-event";
import { isAgent } from "../policy";
import type { PreparedUpload } from "../attachments/uploads";
import { onAgentReply, onCustomerReply } from "../tickets/lifecycle";

export interface AppendMessageInput {
  ticketId: string;
  body: string;
  isInternal: boolean;
  uploads: PreparedUpload[];
  at: Date;
  /** false: no email (a new ticket's first message goes out in its acknowledgement instead). */
  notify?: boolean;
}

/**
 * Adds a message to a ticket inside the caller's transaction and keeps the ticket's activity
 * columns right: counters are bumped in SQL (never read-modify-write in JS), last_message_at
 * only moves forward, and internal notes touch neither. Status and first-response changes are
 * the lifecycle's decisions, taken on the row read under the lock.
 */
export async function appendMessage(tx: Prisma.TransactionClient, actor: Actor, input: AppendMessageInput) {
  // Which side of the conversation the author is on (not a permission): agents reply outbound.
  const agent = isAgent(actor);
  const direction = agent ? "outbound" : "inbound";
  // Lock the ticket row before inserting children: the inserts take KEY SHARE locks through
  // their foreign keys, and taking the row lock afterwards would deadlock concurrent posts.
  // NO KEY UPDATE is enough (we never change the key) and does not block those FK checks.
  const [locked] = await tx.$queryRaw<{ status: TicketStatus; assigned_to_id: string | null; first_response_at: Date | null }[]>`
    SELECT status, assigned_to_id::text, first_response_at FROM tickets WHERE id = ${input.ticketId}::uuid FOR NO KEY UPDATE`;
  const message = await tx.message.create({
    data: {
      ticketId: input.ticketId,
      authorId: actor.id,
      body: input.body,
      direction,
      isInternal: input.isInternal,
      createdAt: input.at,
      updatedAt: input.at,
    },
    select: { id: true },
  });
  for (const u of input.uploads) {
    await tx.attachment.create({
      data: {
        ticketId: input.ticketId,
        messageId: message.id,
        uploadedById: actor.id,
        name: u.name,
        contentType: u.contentType,
        size: u.size,
        sha256: u.sha256,
        createdAt: input.at,
        blob: { create: { content: Buffer.from(u.bytes) } },
      },
    });
  }

  if (input.isInternal) {
    await tx.$executeRaw`
      UPDATE tickets SET internal_message_count = internal_message_count + 1
      WHERE id = ${input.ticketId}::uuid`;
  } else if (agent) {
    const firstResponseAt = onAgentReply({ firstResponseAt: locked.first_response_at }, input.at).firstResponseAt ?? locked.first_response_at;
    await tx.$executeRaw`
      UPDATE tickets SET
        unread_by_customer = unread_by_customer + 1,
        public_message_count = public_message_count + 1,
        last_message_at = GREATEST(last_message_at, ${input.at}),
        first_response_at = ${firstResponseAt}
      WHERE id = ${input.ticketId}::uuid`;
  } else {
    const d = onCustomerReply({ status: locked.status, assignedToId: locked.assigned_to_id });
    await tx.$executeRaw`
      UPDATE tickets SET
        unread_by_agent = unread_by_agent + 1,
        public_message_count = public_message_count + 1,
        last_message_at = GREATEST(last_message_at, ${input.at})
      WHERE id = ${input.ticketId}::uuid`;
    if (d.status !== undefined) {
      await tx.$executeRaw`
        UPDATE tickets SET status = ${d.status}::"TicketStatus", resolved_at = ${d.resolvedAt ?? null},
          closed_at = ${d.closedAt ?? null}, version = version + 1, updated_at = ${input.at}
        WHERE id = ${input.ticketId}::uuid`;
      await recordEvent(tx, {
        ticketId: input.ticketId,
        actorId: actor.id,
        type: "status_changed",
        data: { from: locked.status, to: d.status, reason: d.reason ?? "customer_reply" },
        at: input.at,
      });
    }
  }

  await recordEvent(tx, {
    ticketId: input.ticketId,
    actorId: actor.id,
    type: input.isInternal ? "internal_note_created" : "message_created",
    isInternal: input.isInternal,
    data: { message_id: message.id, direction, attachments: input.uploads.length },
    at: input.at,
  });
  await emit(tx, {
    type: "message.created",
    actor,
    ticketId: input.ticketId,
    messageId: message.id,
    body: input.body,
    isInternal: input.isInternal,
    attachments: input.uploads.map((u) => u.name),
    at: input.at,
    notify: input.notify !== false,
  });
  return message;
}
