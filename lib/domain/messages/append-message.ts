import { Prisma } from "@/lib/db/generated/client";
import type { Actor } from "../actor";
import { recordEvent } from "../events/record-event";
import { isAgent } from "../policy";
import type { PreparedUpload } from "../attachments/uploads";
import { enqueueMessageNotifications } from "@/lib/notifications/enqueue-notifications";

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
 * only moves forward, and internal notes touch neither. A customer reply to a resolved or
 * closed ticket reopens it instead of starting a duplicate.
 */
export async function appendMessage(
  tx: Prisma.TransactionClient,
  actor: Actor,
  input: AppendMessageInput,
) {
  const agent = isAgent(actor);
  const direction = agent ? "outbound" : "inbound";
  // Lock the ticket row before inserting children: the inserts take KEY SHARE locks through
  // their foreign keys, and taking the row lock afterwards would deadlock concurrent posts.
  // NO KEY UPDATE is enough (we never change the key) and does not block those FK checks.
  await tx.$queryRaw`SELECT id FROM tickets WHERE id = ${input.ticketId}::uuid FOR NO KEY UPDATE`;
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
    await tx.$executeRaw`
      UPDATE tickets SET
        unread_by_customer = unread_by_customer + 1,
        public_message_count = public_message_count + 1,
        last_message_at = GREATEST(last_message_at, ${input.at}),
        first_response_at = COALESCE(first_response_at, ${input.at})
      WHERE id = ${input.ticketId}::uuid`;
  } else {
    const reopened = await tx.$queryRaw<{ old_status: string; status: string }[]>`
      WITH old AS (SELECT status FROM tickets WHERE id = ${input.ticketId}::uuid)
      UPDATE tickets t SET
        unread_by_agent = t.unread_by_agent + 1,
        public_message_count = t.public_message_count + 1,
        last_message_at = GREATEST(t.last_message_at, ${input.at}),
        status = CASE WHEN t.status IN ('resolved', 'closed')
                      THEN (CASE WHEN t.assigned_to_id IS NULL THEN 'new' ELSE 'in_progress' END)::"TicketStatus"
                      ELSE t.status END,
        resolved_at = CASE WHEN t.status IN ('resolved', 'closed') THEN NULL ELSE t.resolved_at END,
        closed_at = CASE WHEN t.status IN ('resolved', 'closed') THEN NULL ELSE t.closed_at END
      FROM old
      WHERE t.id = ${input.ticketId}::uuid
      RETURNING old.status::text AS old_status, t.status::text AS status`;
    const r = reopened[0];
    if (r && r.old_status !== r.status) {
      await tx.$executeRaw`UPDATE tickets SET version = version + 1, updated_at = ${input.at} WHERE id = ${input.ticketId}::uuid`;
      await recordEvent(tx, {
        ticketId: input.ticketId,
        actorId: actor.id,
        type: "status_changed",
        data: { from: r.old_status, to: r.status, reason: "customer_reply" },
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
  if (input.notify !== false) {
    await enqueueMessageNotifications(tx, actor, { ticketId: input.ticketId, messageId: message.id, body: input.body, isInternal: input.isInternal, attachments: input.uploads.map((u) => u.name), at: input.at });
  }
  return message;
}
