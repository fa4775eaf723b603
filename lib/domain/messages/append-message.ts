import { randomUUID } from "node:crypto";
import { Prisma } from "@/lib/db/generated/client";
import type { Actor } from "../actor";
import { emit } from "../events/domain-events";
import { isAgent } from "../policy";
import type { PreparedUpload } from "../attachments/uploads";
import { sameClocks, slaClockSql } from "../sla/clock-columns";
import { onAgentReplyClocks, onCustomerReplyClocks, onStatusClocks } from "../sla/clocks";
import { rulesFor } from "../sla/policies";
import { onAgentReply, onCustomerReply } from "../tickets/lifecycle";
import { lockTicket, type LockedTicket } from "../tickets/lock-ticket";
import type { MessageRow } from "./message-select";

export interface AppendMessageInput {
  ticketId: string;
  body: string;
  isInternal: boolean;
  uploads: PreparedUpload[];
  at: Date;
  /** false: no email (a new ticket's first message goes out in its acknowledgement instead). */
  notify?: boolean;
  /** The ticket as the caller already read it under its row lock (lockTicket), if it did. */
  locked?: LockedTicket;
}

interface TimelineRow {
  type: "status_changed" | "message_created" | "internal_note_created";
  isInternal: boolean;
  data: Prisma.InputJsonObject;
}

/**
 * Adds a message to a ticket inside the caller's transaction and keeps the ticket's activity
 * columns right: counters are bumped in SQL (never read-modify-write in JS), last_message_at
 * only moves forward, and internal notes touch neither. Status and first-response changes are
 * the lifecycle's decisions, taken on the row read under the lock.
 *
 * Every statement here runs while the ticket row is locked, so the message, the ticket's
 * columns and the timeline rows are written in one statement (data-modifying CTEs); files,
 * which are rare, follow one insert each. The returned row is built from what was written.
 */
export async function appendMessage(tx: Prisma.TransactionClient, actor: Actor, input: AppendMessageInput): Promise<MessageRow> {
  // Which side of the conversation the author is on (not a permission): agents reply outbound.
  const agent = isAgent(actor);
  const direction = agent ? "outbound" : "inbound";
  // The ticket row is locked before any child is inserted (see lockTicket).
  const locked = input.locked ?? (await lockTicket(tx, input.ticketId));
  if (!locked) throw new Error(`ticket ${input.ticketId} vanished inside its own transaction`);
  const { ticketId, at } = input;
  const messageId = randomUUID();

  const timeline: TimelineRow[] = [];
  let ticketUpdate: Prisma.Sql;
  const rules = rulesFor(locked.sla.policy, locked.sla.priority);
  let clocks = locked.sla.clocks;
  if (input.isInternal) {
    ticketUpdate = Prisma.sql`internal_message_count = internal_message_count + 1`;
  } else if (agent) {
    const firstResponseAt = onAgentReply({ firstResponseAt: locked.firstResponseAt }, at).firstResponseAt ?? locked.firstResponseAt;
    ticketUpdate = Prisma.sql`
      unread_by_customer = unread_by_customer + 1,
      public_message_count = public_message_count + 1,
      last_message_at = GREATEST(last_message_at, ${at}),
      first_response_at = ${firstResponseAt}`;
    clocks = onAgentReplyClocks(clocks);
  } else {
    const d = onCustomerReply({ status: locked.status, assignedToId: locked.assignedToId });
    ticketUpdate = Prisma.sql`
      unread_by_agent = unread_by_agent + 1,
      public_message_count = public_message_count + 1,
      last_message_at = GREATEST(last_message_at, ${at})`;
    if (d.status !== undefined) {
      ticketUpdate = Prisma.sql`${ticketUpdate},
        status = ${d.status}::"TicketStatus", resolved_at = ${d.resolvedAt ?? null},
        closed_at = ${d.closedAt ?? null}, version = version + 1, updated_at = ${at}`;
      timeline.push({ type: "status_changed", isInternal: false, data: { from: locked.status, to: d.status, reason: d.reason ?? "customer_reply" } });
      clocks = onStatusClocks(clocks, locked.status, d.status, rules, at);
    }
    clocks = onCustomerReplyClocks(clocks, { status: d.status ?? locked.status, firstResponded: locked.firstResponseAt != null }, rules, at);
  }
  // The clocks move in the same UPDATE; an unchanged state leaves the columns (and an
  // explicitly set sla_due_at) alone.
  if (!sameClocks(clocks, locked.sla.clocks)) ticketUpdate = Prisma.sql`${ticketUpdate}, ${slaClockSql(clocks, locked.sla.policy)}`;
  timeline.push({
    type: input.isInternal ? "internal_note_created" : "message_created",
    isInternal: input.isInternal,
    data: { message_id: messageId, direction, attachments: input.uploads.length },
  });
  // VALUES rows are inserted in order, so the timeline's seq keeps the order they happened in.
  const events = Prisma.join(
    timeline.map(
      (e) =>
        Prisma.sql`(${randomUUID()}::uuid, ${ticketId}::uuid, ${actor.id}::uuid, ${e.type}::"EventType", ${e.isInternal}, ${JSON.stringify(e.data)}::jsonb, ${at})`,
    ),
  );
  await tx.$executeRaw`
    WITH message AS (
      INSERT INTO messages (id, ticket_id, author_id, body, direction, is_internal, created_at, updated_at)
      VALUES (${messageId}::uuid, ${ticketId}::uuid, ${actor.id}::uuid, ${input.body}, ${direction}::"MessageDirection", ${input.isInternal}, ${at}, ${at})
    ), ticket AS (
      UPDATE tickets SET ${ticketUpdate} WHERE id = ${ticketId}::uuid
    )
    INSERT INTO events (id, ticket_id, actor_id, type, is_internal, data, created_at) VALUES ${events}`;

  const attachments: MessageRow["attachments"] = [];
  for (const u of input.uploads) {
    attachments.push(
      await tx.attachment.create({
        data: {
          ticketId,
          messageId,
          uploadedById: actor.id,
          name: u.name,
          contentType: u.contentType,
          size: u.size,
          sha256: u.sha256,
          createdAt: at,
          blob: { create: { content: Buffer.from(u.bytes) } },
        },
        select: { id: true, name: true, size: true, contentType: true, createdAt: true },
      }),
    );
  }

  await emit(tx, {
    type: "message.created",
    actor,
    ticketId,
    messageId,
    body: input.body,
    isInternal: input.isInternal,
    attachments: input.uploads.map((u) => u.name),
    at,
    notify: input.notify !== false,
  });
  return {
    id: messageId,
    ticketId,
    authorId: actor.id,
    body: input.body,
    direction,
    isInternal: input.isInternal,
    createdAt: at,
    updatedAt: at,
    author: { name: actor.name, email: actor.email, role: actor.role },
    attachments,
  };
}
