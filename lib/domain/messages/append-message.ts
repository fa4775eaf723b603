import { randomUUID } from "node:crypto";
import { Prisma } from "@/lib/db/generated/client";
import type { Actor } from "../actor";
import { emit } from "../events/domain-events";
import { isAgent } from "../policy";
import type { PreparedUpload } from "../attachments/uploads";
import type { TicketStatus } from "@/lib/db/generated/client";
import { applyChange, onAgentReply, onCustomerReply, onStatusChange, type LifecycleState } from "../tickets/lifecycle";
import { ROLE_TEAMS } from "../tickets/routing";
import { sameClocks, slaClockSql } from "../sla/clock-columns";
import { onAgentReplyClocks, onCustomerReplyClocks, onStatusClocks } from "../sla/clocks";
import { rulesFor } from "../sla/policies";
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
  /** A public agent reply that takes the ticket: the agent it is assigned to (the caller decided). */
  assignTo?: string | null;
  /** A status set with the message, in the same statement (the caller checked the policy). */
  setStatus?: TicketStatus;
}

interface TimelineRow {
  type: "status_changed" | "message_created" | "internal_note_created" | "assignment_changed";
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
  const after: TimelineRow[] = [];
  const ticketFields: string[] = [];
  let ticketUpdate: Prisma.Sql;
  const rules = rulesFor(locked.sla.policy, locked.sla.priority);
  let clocks = locked.sla.clocks;
  let statusChange: { from: TicketStatus; to: TicketStatus } | null = null;
  if (!input.isInternal && !agent) {
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
  } else {
    // An agent's note or reply (or a customer's note, which validation refuses before this):
    // a reply may take the ticket, and either may set a status.
    const before: LifecycleState = {
      status: locked.status, assignedToId: locked.assignedToId, resolvedAt: locked.resolvedAt, closedAt: locked.closedAt, firstResponseAt: locked.firstResponseAt,
    };
    const reply = input.isInternal ? {} : onAgentReply(before, at, { assignTo: input.assignTo });
    const mid = applyChange(before, reply);
    const next = input.setStatus ? applyChange(mid, onStatusChange(mid, input.setStatus, at)) : mid;
    if (!input.isInternal) clocks = onAgentReplyClocks(clocks);
    if (next.status !== before.status) clocks = onStatusClocks(clocks, before.status, next.status, rules, at);
    const parts: Prisma.Sql[] = input.isInternal
      ? [Prisma.sql`internal_message_count = internal_message_count + 1`]
      : [
          Prisma.sql`unread_by_customer = unread_by_customer + 1`,
          Prisma.sql`public_message_count = public_message_count + 1`,
          Prisma.sql`last_message_at = GREATEST(last_message_at, ${at})`,
          Prisma.sql`first_response_at = ${next.firstResponseAt}`,
        ];
    if (next.assignedToId !== before.assignedToId && next.assignedToId) {
      // The assignee's team, as an assignment through PATCH picks it (own team, else the role's).
      const roleTeam = ROLE_TEAMS[actor.role] ?? null;
      parts.push(Prisma.sql`assigned_to_id = ${next.assignedToId}::uuid`);
      parts.push(Prisma.sql`assigned_team_id = COALESCE(${actor.teamId}::uuid, (SELECT id FROM teams WHERE name = ${roleTeam}), assigned_team_id)`);
      after.push({ type: "assignment_changed", isInternal: false, data: { from: before.assignedToId, to: next.assignedToId, reason: "agent_reply" } });
      ticketFields.push("assigned_to");
    }
    if (next.status !== before.status) {
      parts.push(Prisma.sql`status = ${next.status}::"TicketStatus", resolved_at = ${next.resolvedAt}, closed_at = ${next.closedAt}`);
      after.push({ type: "status_changed", isInternal: false, data: { from: before.status, to: next.status } });
      statusChange = { from: before.status, to: next.status };
      ticketFields.push("status");
    }
    if (ticketFields.length) parts.push(Prisma.sql`version = version + 1, updated_at = ${at}`);
    ticketUpdate = Prisma.join(parts, ", ");
  }
  // The clocks move in the same UPDATE; an unchanged state leaves the columns (and an
  // explicitly set sla_due_at) alone.
  if (!sameClocks(clocks, locked.sla.clocks)) ticketUpdate = Prisma.sql`${ticketUpdate}, ${slaClockSql(clocks, locked.sla.policy)}`;
  timeline.push({
    type: input.isInternal ? "internal_note_created" : "message_created",
    isInternal: input.isInternal,
    data: { message_id: messageId, direction, attachments: input.uploads.length },
  });
  // Changes the message brought (taking the ticket, a status set with it) follow it in the timeline.
  timeline.push(...after);
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
    // The stream's ticket.updated travels with the message (one realtime write, not two).
    ...(ticketFields.length ? { ticketUpdate: { fields: ticketFields, version: locked.version + 1 } } : {}),
  });
  if (statusChange) await emit(tx, { type: "ticket.status_changed", actor, ticketId, ...statusChange, at });
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
