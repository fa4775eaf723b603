import { Prisma } from "@/lib/db/generated/client";
import { db } from "@/lib/db/client";
import { withTransaction } from "@/lib/db/transaction";
import type { Actor } from "../actor";
import { emit } from "../events/domain-events";
import { recordEvent } from "../events/record-event";
import { ConflictError, NotFoundError, PreconditionFailedError, ValidationError } from "../errors";
import { assertCan } from "../policy";
import { ticketsVisibleTo } from "../scope";
import { reclockOnUpdate } from "../sla/reclock-ticket";
import { etagMatches } from "./etag";
import { onStatusChange } from "./lifecycle";
import { lockTicket, type LockedTicket } from "./lock-ticket";
import { MAX_TAGS, normalizeTags } from "./tags";
import { ticketSelect, type TicketRow } from "./ticket-select";
import type { Preconditions } from "./types";

type Tx = Prisma.TransactionClient;

export interface MergeResult {
  source: TicketRow;
  target: TicketRow;
}

/** The customers of a ticket: its requester and its CRM contact's user. */
function participants(t: LockedTicket): string[] {
  return [t.subject.userId, t.subject.contactUserId].filter((u): u is string => !!u);
}

/** Every customer of `a` may also see `b` (so telling them about `b` reveals nothing). */
function seesAll(a: LockedTicket, b: LockedTicket): boolean {
  const other = participants(b);
  return participants(a).every((u) => other.includes(u));
}

/**
 * Merges a duplicate (`sourceId`) into `targetId`, in one transaction: the source's messages,
 * attachments, watchers and tags move to the target, the target's counters grow by what moved
 * (in SQL), the source is closed with `merged_into` pointing at the target (its SLA clocks stop
 * as on any close), and tickets already merged into the source now point at the target (one
 * hop, never a chain). Both timelines record it. The source's customer hears of it once: the
 * `ticket.merged` event, never a separate "closed" status mail.
 *
 * Agents and admins only. A source the actor cannot see is 404; a target that does not exist
 * is a 400 on `target`, as is merging a ticket into itself; a source or target that is already
 * merged is 409; a stale If-Match on the source is 412. Both rows are locked in id order, so
 * A→B and B→A racing one another queue up instead of deadlocking (the second then finds its
 * target merged: 409).
 */
export async function mergeTicket(actor: Actor, sourceId: string, targetId: string, pre: Preconditions = {}): Promise<MergeResult> {
  const prisma = await db();
  const visible = await prisma.ticket.findFirst({ where: { id: sourceId, ...ticketsVisibleTo(actor) }, select: { id: true } });
  if (!visible) throw new NotFoundError();
  assertCan(actor, "ticket:merge", {}, "Only support agents can merge tickets.");
  if (sourceId === targetId) throw ValidationError.field("targetId", "A ticket cannot be merged into itself.");
  return withTransaction(prisma, (tx) => mergeIn(tx, actor, sourceId, targetId, pre));
}

async function mergeIn(tx: Tx, actor: Actor, sourceId: string, targetId: string, pre: Preconditions): Promise<MergeResult> {
  // Lock order is the id order, whichever way the merge goes.
  const locked = new Map<string, LockedTicket | null>();
  for (const id of [sourceId, targetId].sort()) locked.set(id, await lockTicket(tx, id));
  const src = locked.get(sourceId);
  const tgt = locked.get(targetId);
  if (!src) throw new NotFoundError();
  if (!tgt) throw ValidationError.invalidPk("targetId", targetId);
  const [source, target] = await Promise.all([
    tx.ticket.findUniqueOrThrow({ where: { id: sourceId }, select: ticketSelect }),
    tx.ticket.findUniqueOrThrow({ where: { id: targetId }, select: ticketSelect }),
  ]);
  if (pre.ifMatch != null && !etagMatches(pre.ifMatch, source)) throw new PreconditionFailedError();
  const since = pre.ifUnmodifiedSince;
  if (since && Math.floor(source.updatedAt.getTime() / 1000) > Math.floor(since.getTime() / 1000)) throw new PreconditionFailedError();
  if (source.mergedIntoId) throw new ConflictError(`This ticket was already merged into another ticket.`);
  if (target.mergedIntoId) {
    const into = await tx.ticket.findUnique({ where: { id: target.mergedIntoId }, select: { number: true } });
    throw new ConflictError(`Ticket ${target.number} was itself merged into ${into?.number ?? "another ticket"}; merge into that one instead.`);
  }

  const now = new Date();
  // Rows move with set-based statements; the target's counters grow by exactly what moved.
  const [moved] = await tx.$queryRaw<{ public: bigint; internal: bigint; attachments: bigint }[]>`
    WITH moved AS (
      UPDATE messages SET ticket_id = ${targetId}::uuid WHERE ticket_id = ${sourceId}::uuid RETURNING is_internal, created_at
    ), files AS (
      UPDATE attachments SET ticket_id = ${targetId}::uuid WHERE ticket_id = ${sourceId}::uuid RETURNING id
    ), counted AS (
      SELECT count(*) FILTER (WHERE NOT is_internal) AS public, count(*) FILTER (WHERE is_internal) AS internal,
             max(created_at) FILTER (WHERE NOT is_internal) AS last_public
      FROM moved
    ), grown AS (
      UPDATE tickets t SET
        public_message_count = t.public_message_count + c.public,
        internal_message_count = t.internal_message_count + c.internal,
        unread_by_agent = t.unread_by_agent + s.unread_by_agent,
        unread_by_customer = t.unread_by_customer + s.unread_by_customer,
        last_message_at = GREATEST(t.last_message_at, COALESCE(c.last_public, t.last_message_at)),
        updated_at = ${now}, version = t.version + 1
      FROM counted c, tickets s
      WHERE t.id = ${targetId}::uuid AND s.id = ${sourceId}::uuid
      RETURNING t.id
    )
    SELECT c.public, c.internal, (SELECT count(*) FROM files) AS attachments FROM counted c, grown`;
  await tx.$executeRaw`
    INSERT INTO ticket_watchers (ticket_id, user_id, created_at)
    SELECT ${targetId}::uuid, w.user_id, w.created_at FROM ticket_watchers w WHERE w.ticket_id = ${sourceId}::uuid
    ON CONFLICT DO NOTHING`;
  await tx.$executeRaw`DELETE FROM ticket_watchers WHERE ticket_id = ${sourceId}::uuid`;
  // Earlier merges into the source now point at the target: merged_into is always one hop.
  const repointed = await tx.$executeRaw`
    UPDATE tickets SET merged_into_id = ${targetId}::uuid, updated_at = ${now}, version = version + 1
    WHERE merged_into_id = ${sourceId}::uuid`;

  const tags = normalizeTags([...target.tags, ...source.tags]).slice(0, MAX_TAGS);
  if (tags.length !== target.tags.length) {
    await tx.ticket.update({ where: { id: targetId }, data: { tags }, select: { id: true } });
  }

  // The source closes as any close does (lifecycle timestamps, SLA clocks stopped), and keeps nothing to count.
  const life = onStatusChange(source, "closed", now, "status_set");
  const clocks = await reclockOnUpdate(tx, source, { status: "closed", priority: source.priority, category: source.category, channel: source.channel, assignedTeamId: source.assignedTeamId, companyId: source.companyId }, now);
  await tx.ticket.update({
    where: { id: sourceId },
    data: {
      ...(life.status ? { status: life.status, resolvedAt: life.resolvedAt, closedAt: life.closedAt } : {}),
      ...(clocks ?? {}),
      mergedIntoId: targetId,
      tags: [],
      publicMessageCount: 0,
      internalMessageCount: 0,
      unreadByAgent: 0,
      unreadByCustomer: 0,
      updatedAt: now,
      version: { increment: 1 },
    },
    select: { id: true },
  });

  const counts = { messages: Number(moved?.public ?? 0) + Number(moved?.internal ?? 0), attachments: Number(moved?.attachments ?? 0) };
  if (life.status) {
    await recordEvent(tx, { ticketId: sourceId, actorId: actor.id, type: "status_changed", data: { from: source.status, to: "closed", reason: "merged" }, at: now });
  }
  // A customer reads of the other ticket only when they are one of its customers too.
  await recordEvent(tx, {
    ticketId: sourceId, actorId: actor.id, type: "ticket_updated", isInternal: !seesAll(src, tgt), at: now,
    data: { action: "merged_into", ticket: targetId, number: target.number, fields: ["merged_into"] },
  });
  await recordEvent(tx, {
    ticketId: targetId, actorId: actor.id, type: "ticket_updated", isInternal: !seesAll(tgt, src), at: now,
    data: { action: "merged_from", ticket: sourceId, number: source.number, ...counts, repointed: Number(repointed) },
  });

  const [after, into] = await Promise.all([
    tx.ticket.findUniqueOrThrow({ where: { id: sourceId }, select: ticketSelect }),
    tx.ticket.findUniqueOrThrow({ where: { id: targetId }, select: ticketSelect }),
  ]);
  // Open pages of both tickets refetch; the source's customer gets the one merge email.
  await emit(tx, { type: "ticket.updated", actor, ticketId: sourceId, fields: ["status", "merged_into"], version: after.version, at: now });
  await emit(tx, { type: "ticket.updated", actor, ticketId: targetId, fields: ["merged_from"], version: into.version, at: now });
  await emit(tx, { type: "ticket.merged", actor, sourceId, targetId, at: now });
  return { source: after, target: into };
}
