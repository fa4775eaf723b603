import type { DomainEvent, DomainEventSubscriber } from "@/lib/domain/events/domain-events";
import { Prisma } from "@/lib/db/generated/client";
import { can } from "@/lib/domain/policy";

/** The PostgreSQL channel every instance LISTENs on. */
export const REALTIME_CHANNEL = "caseflow_events";

// Any constant works; it only has to be the same in every instance.
const LOG_LOCK_KEY = 0x43_46_52_54; // "CFRT"

interface LogRow {
  type: string;
  ticketId: string;
  isInternal: boolean;
  data: Prisma.InputJsonObject;
}

/** What a domain event becomes in the realtime log; null for events streams do not carry. */
function toLogRows(e: DomainEvent): LogRow[] {
  const row = toLogRow(e);
  if (!row) return [];
  // A message that also changed the ticket (a reply taking it, a status sent along) is two
  // stream events written by one statement, in the order they happened.
  if (e.type === "message.created" && e.ticketUpdate) {
    return [row, { type: "ticket.updated", ticketId: e.ticketId, isInternal: false, data: { fields: e.ticketUpdate.fields, version: e.ticketUpdate.version } }];
  }
  return [row];
}

function toLogRow(e: DomainEvent): LogRow | null {
  switch (e.type) {
    case "ticket.created":
      return { type: e.type, ticketId: e.ticketId, isInternal: false, data: {} };
    case "ticket.updated":
      return { type: e.type, ticketId: e.ticketId, isInternal: false, data: { fields: e.fields, version: e.version } };
    case "message.created":
      // Which side wrote it, so a client can tell a customer's reply from its own team's.
      return { type: e.type, ticketId: e.ticketId, isInternal: e.isInternal, data: { message: e.messageId, author_side: can(e.actor, "ticket:read-internal") ? "agent" : "customer" } };
    case "ticket.read":
      return { type: e.type, ticketId: e.ticketId, isInternal: false, data: { side: e.side } };
    case "message.updated":
      // Internal only while it was a note before and after: a note made public is news to the
      // customer (it arrives as message.created), a reply turned into a note leaves their view.
      return {
        type: e.type,
        ticketId: e.ticketId,
        isInternal: e.wasInternal && e.isInternal,
        data: { message: e.messageId, fields: e.fields, was_internal: e.wasInternal, is_internal: e.isInternal },
      };
    case "message.deleted":
      return { type: e.type, ticketId: e.ticketId, isInternal: e.isInternal, data: { message: e.messageId } };
    case "attachment.created":
    case "attachment.deleted":
      return { type: e.type, ticketId: e.ticketId, isInternal: e.isInternal, data: { attachment: e.attachmentId } };
    case "ticket.deleted":
      return {
        type: e.type,
        ticketId: e.ticketId,
        isInternal: false,
        data: { requester: e.requesterId, contact_user: e.contactUserId, assigned_to: e.assignedToId },
      };
    default:
      return null; // status changes also arrive as ticket.updated
  }
}

/**
 * Appends the change to the realtime log and NOTIFYs every instance, inside the change's own
 * transaction: PostgreSQL delivers a NOTIFY only when that transaction commits, so a stream
 * never hears of a change that rolled back. The advisory lock (held to commit) makes log rows
 * commit in seq order, which is what lets a client resume "after seq N" without a gap.
 */
export const realtimeSubscriber: DomainEventSubscriber = async (tx, e) => {
  const rows = toLogRows(e);
  if (!rows.length) return;
  const values = Prisma.join(
    rows.map((r) => Prisma.sql`(${r.type}::text, ${r.ticketId}::uuid, ${r.isInternal}::boolean, ${JSON.stringify(r.data)}::jsonb, ${e.at}::timestamptz, ${rows.indexOf(r)}::int)`),
  );
  // One statement: the lock is taken (by the SELECT the INSERT reads from) before the row's seq
  // is drawn. Ids only in the payload, well under NOTIFY's 8000-byte limit; listeners read the row.
  await tx.$queryRaw`
    WITH locked AS (SELECT pg_advisory_xact_lock(${LOG_LOCK_KEY}::bigint) AS l),
    row AS (
      INSERT INTO realtime_events (type, ticket_id, is_internal, data, created_at)
      SELECT v.type, v.ticket_id, v.is_internal, v.data, v.created_at
      FROM locked, (VALUES ${values}) AS v(type, ticket_id, is_internal, data, created_at, ord)
      ORDER BY v.ord
      RETURNING seq, type, ticket_id, data
    )
    SELECT 1 AS sent FROM row, pg_notify(${REALTIME_CHANNEL},
      json_build_object('seq', row.seq::text, 'type', row.type, 'ticket', row.ticket_id, 'version', row.data->'version')::text)`;
};
