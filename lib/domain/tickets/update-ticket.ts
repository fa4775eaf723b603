import type { Prisma, TicketStatus } from "@/lib/db/generated/client";
import { db } from "@/lib/db/client";
import { withTransaction } from "@/lib/db/transaction";
import type { Actor } from "../actor";
import { emit } from "../events/domain-events";
import { recordEvent } from "../events/record-event";
import { NotFoundError, PreconditionFailedError, ValidationError } from "../errors";
import { assertCan } from "../policy";
import { reclockOnUpdate } from "../sla/reclock-ticket";
import { ticketsVisibleTo } from "../scope";
import { etagMatches } from "./etag";
import { editTags, storableTags } from "./tags";
import { onUpdate } from "./lifecycle";
import { assertAgentUser, assertCompanyExists, assertUsersExist, teamForAssignee } from "./relations";
import { ticketSelect, type TicketRow } from "./ticket-select";
import { PRIORITY_RANK, type Preconditions, type UpdateTicketInput } from "./types";

type Tx = Prisma.TransactionClient;
type EventType = Prisma.EventCreateManyInput["type"];

/** Plain columns an update copies when they differ, under their domain names. */
const SIMPLE_FIELDS = [
  "subject", "description", "category", "channel", "tags", "slaDueAt",
  "aiSummary", "aiConfidenceScore", "aiFirstResponseTime", "aiAutoResolved",
] as const satisfies readonly (keyof UpdateTicketInput & keyof TicketRow)[];

function same(a: unknown, b: unknown): boolean {
  return a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : JSON.stringify(a) === JSON.stringify(b);
}

function assertFresh(cur: TicketRow, pre: Preconditions) {
  if (pre.ifMatch != null && !etagMatches(pre.ifMatch, cur)) throw new PreconditionFailedError();
  const since = pre.ifUnmodifiedSince;
  if (since && Math.floor(cur.updatedAt.getTime() / 1000) > Math.floor(since.getTime() / 1000)) throw new PreconditionFailedError();
}

/** The watcher set becomes `next`; returns the event when it changed. */
async function replaceWatchers(tx: Tx, cur: TicketRow, next: string[], now: Date) {
  const wanted = [...new Set(next)];
  const prev = cur.watchers.map((w) => w.userId);
  if (wanted.length === prev.length && wanted.every((w) => prev.includes(w))) return null;
  if (wanted.length) await assertUsersExist(tx, wanted, "watcherIds");
  await tx.ticketWatcher.deleteMany({ where: { ticketId: cur.id, userId: { notIn: wanted } } });
  await tx.ticketWatcher.createMany({
    data: wanted.filter((u) => !prev.includes(u)).map((userId) => ({ ticketId: cur.id, userId, createdAt: now })),
    skipDuplicates: true,
  });
  return { type: "watchers_changed" as EventType, data: { from: prev, to: wanted } };
}

/**
 * Agent update of a ticket. Assignment and status changes are limited to the assignee or an
 * admin (any agent may take an unassigned ticket); the lifecycle decides what an assignment
 * does to the status and which terminal timestamps a status carries. The row is locked for
 * the transaction, and a stale If-Match / If-Unmodified-Since is 412.
 */
export async function updateTicket(actor: Actor, id: string, input: UpdateTicketInput, pre: Preconditions = {}) {
  const prisma = await db();
  return withTransaction(prisma, (tx) => updateTicketIn(tx, actor, id, input, pre));
}

/** updateTicket inside the caller's transaction (a macro applies its changes and its reply in one). */
export async function updateTicketIn(tx: Tx, actor: Actor, id: string, input: UpdateTicketInput, pre: Preconditions = {}) {
  {
    const visible = await tx.ticket.findFirst({ where: { id, ...ticketsVisibleTo(actor) }, select: { id: true } });
    if (!visible) throw new NotFoundError();
    assertCan(actor, "ticket:update", {}, "Customers cannot edit tickets.");
    // Serialise concurrent edits of one ticket: read the current state under a row lock.
    await tx.$queryRaw`SELECT id FROM tickets WHERE id = ${id}::uuid FOR NO KEY UPDATE`;
    const cur = await tx.ticket.findUniqueOrThrow({ where: { id }, select: ticketSelect });
    assertFresh(cur, pre);

    const now = new Date();
    const data: Prisma.TicketUncheckedUpdateInput = {};
    const changed: string[] = [];
    const events: { type: EventType; data: Prisma.InputJsonObject }[] = [];
    const life = onUpdate(cur, { assignedToId: input.assignedToId, status: input.status }, now);
    const assigneeId = life.assignedToId !== undefined ? life.assignedToId : cur.assignedToId;
    if (life.assignedToId !== undefined) {
      assertCan(actor, "ticket:assign", { ticket: cur, assignTo: life.assignedToId }, "Only the assignee or an admin can reassign this ticket.");
      let teamId = cur.assignedTeamId;
      if (life.assignedToId) {
        const u = await assertAgentUser(tx, life.assignedToId, "assignedToId");
        teamId = (await teamForAssignee(tx, u)) ?? teamId;
      }
      data.assignedToId = life.assignedToId;
      data.assignedTeamId = teamId;
      events.push({ type: "assignment_changed", data: { from: cur.assignedToId, to: life.assignedToId } });
    }
    if (life.status !== undefined) {
      // A status the request sets is the assignee's (after a take-over in the same request,
      // the actor's) or an admin's to set; the move an assignment implies (new ⇄ assigned)
      // comes with the assignment the actor was allowed to make.
      if (input.status !== undefined) {
        assertCan(actor, "ticket:change-status", { ticket: { assignedToId: assigneeId } }, "Only the assignee or an admin can change the status of this ticket.");
      }
      Object.assign(data, { status: life.status, resolvedAt: life.resolvedAt, closedAt: life.closedAt });
      events.push({ type: "status_changed", data: { from: cur.status, to: life.status } });
    }
    if (input.priority !== undefined && input.priority !== cur.priority) {
      data.priority = input.priority;
      data.priorityRank = PRIORITY_RANK[input.priority];
      events.push({ type: "priority_changed", data: { from: cur.priority, to: input.priority } });
    }
    if (input.watcherIds !== undefined) {
      const e = await replaceWatchers(tx, cur, input.watcherIds, now);
      if (e) events.push(e);
    }
    if (input.orderId !== undefined && input.orderId !== cur.orderId) {
      if (input.orderId && !(await tx.order.findUnique({ where: { id: input.orderId }, select: { id: true } }))) {
        throw ValidationError.invalidPk("orderId", input.orderId);
      }
      data.orderId = input.orderId;
      changed.push("orderId");
    }
    if (input.contactId !== undefined && input.contactId !== cur.contactId) {
      if (input.contactId) {
        const c = await tx.contact.findUnique({ where: { id: input.contactId }, select: { id: true, companyId: true } });
        if (!c) throw ValidationError.invalidPk("contactId", input.contactId);
        data.companyId = c.companyId ?? cur.companyId;
      }
      data.contactId = input.contactId;
      changed.push("contactId");
    }
    if (input.companyId !== undefined && input.companyId !== (data.companyId ?? cur.companyId)) {
      if (input.companyId) await assertCompanyExists(tx, input.companyId, "companyId");
      data.companyId = input.companyId;
      changed.push("companyId");
    }
    for (const field of SIMPLE_FIELDS) {
      const v = field === "tags" ? nextTags(cur.tags, input) : input[field];
      if (v === undefined || same(v, cur[field])) continue;
      (data as Record<string, unknown>)[field] = v;
      changed.push(field);
    }
    if (changed.length) events.push({ type: "ticket_updated", data: { fields: changed.map(eventFieldName) } });

    // SLA clocks follow the status, priority and what policies match on, in this transaction.
    const after = { ...cur, ...data } as TicketRow;
    const clocks = events.length
      ? await reclockOnUpdate(tx, cur, { status: after.status, priority: after.priority, category: after.category, channel: after.channel, assignedTeamId: after.assignedTeamId, companyId: after.companyId }, now)
      : null;
    if (clocks) {
      const { slaDueAt, ...rest } = clocks;
      Object.assign(data, rest);
      // An sla_due_at the request sets explicitly wins over the computed one.
      if (data.slaDueAt === undefined && !(input.slaDueAt !== undefined && same(input.slaDueAt, cur.slaDueAt))) data.slaDueAt = slaDueAt;
    }

    if (events.length === 0) return cur; // nothing changed: no new version, no event
    await tx.ticket.update({ where: { id }, data: { ...data, updatedAt: now, version: { increment: 1 } }, select: { id: true } });
    for (const e of events) await recordEvent(tx, { ticketId: id, actorId: actor.id, type: e.type, data: e.data, at: now });
    if (data.status !== undefined) {
      await emit(tx, { type: "ticket.status_changed", actor, ticketId: id, from: cur.status, to: data.status as TicketStatus, at: now });
    }
    const updated = await tx.ticket.findUniqueOrThrow({ where: { id }, select: ticketSelect });
    await emit(tx, { type: "ticket.updated", actor, ticketId: id, fields: updatedFieldNames(events), version: updated.version, at: now });
    return updated;
  }
}

/** The tag list an update asks for (undefined: tags untouched), normalized and bounded. */
function nextTags(current: string[], input: UpdateTicketInput): string[] | undefined {
  if (input.tags === undefined && !input.addTags?.length && !input.removeTags?.length) return undefined;
  return storableTags(editTags(input.tags ?? current, input.addTags, input.removeTags));
}

const FIELD_OF_EVENT: Partial<Record<EventType, string>> = {
  assignment_changed: "assigned_to", status_changed: "status", priority_changed: "priority", watchers_changed: "watchers",
};
function updatedFieldNames(events: { type: EventType; data: Prisma.InputJsonObject }[]): string[] {
  return events.flatMap((e) => (e.type === "ticket_updated" ? (e.data.fields as string[]) : [FIELD_OF_EVENT[e.type] ?? e.type]));
}

/**
 * Timeline events name changed fields in the events API's own vocabulary (snake_case, as
 * stored since the first release), so existing timelines and new ones read alike.
 */
const EVENT_FIELD_NAMES: Record<string, string> = {
  orderId: "order", contactId: "contact", companyId: "company", slaDueAt: "sla_due_at",
  aiSummary: "ai_summary", aiConfidenceScore: "ai_confidence_score",
  aiFirstResponseTime: "ai_first_response_time", aiAutoResolved: "ai_auto_resolved",
};
function eventFieldName(f: string): string {
  return EVENT_FIELD_NAMES[f] ?? f;
}
