import type { Prisma, TicketStatus } from "@/lib/db/generated/client";
import { db } from "@/lib/db/client";
import { withTransaction } from "@/lib/db/transaction";
import type { Actor } from "../actor";
import { recordEvent } from "../events/record-event";
import { NotFoundError, PermissionDeniedError, PreconditionFailedError, ValidationError } from "../errors";
import { assertCan, isAgent } from "../policy";
import { ticketsVisibleTo } from "../scope";
import { PRIORITY_RANK } from "../sla";
import type { TicketUpdateInput } from "@/lib/schemas/support";
import { assertAgentUser, assertCompanyExists, assertUsersExist, teamForAssignee } from "./relations";
import { ticketSelect } from "./ticket-select";
import { etagMatches } from "./etag";
import { enqueueStatusChangeNotification } from "@/lib/notifications/enqueue-notifications";

export interface Preconditions {
  /** Raw If-Match header value. */
  ifMatch?: string | null;
  /** Parsed If-Unmodified-Since. */
  ifUnmodifiedSince?: Date | null;
}

const TERMINAL: TicketStatus[] = ["resolved", "closed"];

/**
 * Agent update of a ticket. Assignment and status changes are limited to the assignee or an
 * admin (any agent may take an unassigned ticket); closed/resolved times are maintained here.
 * The row is locked for the transaction, and a stale If-Match / If-Unmodified-Since is 412.
 */
export async function updateTicket(
  actor: Actor,
  id: string,
  input: TicketUpdateInput,
  pre: Preconditions = {},
  /** companyId: the CRM's explicit company (the support API derives it from the contact). */
  opts: { companyId?: string | null } = {},
) {
  const prisma = await db();
  return withTransaction(prisma, async (tx) => {
    const visible = await tx.ticket.findFirst({
      where: { id, ...ticketsVisibleTo(actor) },
      select: { id: true },
    });
    if (!visible) throw new NotFoundError();
    if (!isAgent(actor)) throw new PermissionDeniedError("Customers cannot edit tickets.");
    // Serialise concurrent edits of one ticket: read the current state under a row lock.
    await tx.$queryRaw`SELECT id FROM tickets WHERE id = ${id}::uuid FOR NO KEY UPDATE`;
    const cur = await tx.ticket.findUniqueOrThrow({ where: { id }, select: ticketSelect });

    if (pre.ifMatch != null && !etagMatches(pre.ifMatch, cur)) throw new PreconditionFailedError();
    if (pre.ifUnmodifiedSince && Math.floor(cur.updatedAt.getTime() / 1000) > Math.floor(pre.ifUnmodifiedSince.getTime() / 1000)) {
      throw new PreconditionFailedError();
    }

    const now = new Date();
    const data: Prisma.TicketUncheckedUpdateInput = {};
    const changed: string[] = [];
    const events: { type: Prisma.EventCreateManyInput["type"]; data: Prisma.InputJsonObject }[] = [];

    if (input.assigned_to !== undefined && input.assigned_to !== cur.assignedToId) {
      assertCan(actor, "ticket:assign", cur, {
        assignTo: input.assigned_to,
        message: "Only the assignee or an admin can reassign this ticket.",
      });
      let teamId = cur.assignedTeamId;
      if (input.assigned_to) {
        const u = await assertAgentUser(tx, input.assigned_to, "assigned_to");
        teamId = (await teamForAssignee(tx, u)) ?? teamId;
      }
      data.assignedToId = input.assigned_to;
      data.assignedTeamId = teamId;
      events.push({ type: "assignment_changed", data: { from: cur.assignedToId, to: input.assigned_to } });
      // Assignment moves a fresh ticket along (and an unassigned one back), unless the
      // request sets the status itself.
      if (input.status === undefined) {
        if (input.assigned_to && cur.status === "new") input = { ...input, status: "assigned" };
        if (!input.assigned_to && cur.status === "assigned") input = { ...input, status: "new" };
      }
    }
    // After a take-over in the same request the actor is the assignee for the status check.
    const effective = { assignedToId: data.assignedToId !== undefined ? (data.assignedToId as string | null) : cur.assignedToId };

    if (input.status !== undefined && input.status !== cur.status) {
      assertCan(actor, "ticket:change-status", effective, {
        message: "Only the assignee or an admin can change the status of this ticket.",
      });
      data.status = input.status;
      if (TERMINAL.includes(input.status)) {
        data.resolvedAt = cur.resolvedAt ?? now;
        data.closedAt = input.status === "closed" ? (cur.closedAt ?? now) : null;
      } else {
        data.resolvedAt = null;
        data.closedAt = null;
      }
      events.push({ type: "status_changed", data: { from: cur.status, to: input.status } });
    }
    if (input.priority !== undefined && input.priority !== cur.priority) {
      data.priority = input.priority;
      data.priorityRank = PRIORITY_RANK[input.priority];
      events.push({ type: "priority_changed", data: { from: cur.priority, to: input.priority } });
    }
    if (input.watchers !== undefined) {
      const next = [...new Set(input.watchers)];
      const prev = cur.watchers.map((w) => w.userId);
      if (next.length !== prev.length || next.some((w) => !prev.includes(w))) {
        if (next.length) await assertUsersExist(tx, next, "watchers");
        await tx.ticketWatcher.deleteMany({ where: { ticketId: id, userId: { notIn: next } } });
        await tx.ticketWatcher.createMany({
          data: next.filter((u) => !prev.includes(u)).map((userId) => ({ ticketId: id, userId, createdAt: now })),
          skipDuplicates: true,
        });
        events.push({ type: "watchers_changed", data: { from: prev, to: next } });
      }
    }
    if (input.order !== undefined && input.order !== cur.orderId) {
      if (input.order) {
        const o = await tx.order.findUnique({ where: { id: input.order }, select: { id: true } });
        if (!o) throw ValidationError.field("order", `Invalid pk "${input.order}" - object does not exist.`);
      }
      data.orderId = input.order;
      changed.push("order");
    }
    if (input.contact !== undefined && input.contact !== cur.contactId) {
      if (input.contact) {
        const c = await tx.contact.findUnique({ where: { id: input.contact }, select: { id: true, companyId: true } });
        if (!c) throw ValidationError.field("contact", `Invalid pk "${input.contact}" - object does not exist.`);
        data.companyId = c.companyId ?? cur.companyId;
      }
      data.contactId = input.contact;
      changed.push("contact");
    }
    if (opts.companyId !== undefined && opts.companyId !== (data.companyId ?? cur.companyId)) {
      if (opts.companyId) await assertCompanyExists(tx, opts.companyId);
      data.companyId = opts.companyId;
      changed.push("company");
    }
    const simple: [keyof TicketUpdateInput, keyof typeof cur][] = [
      ["subject", "subject"],
      ["description", "description"],
      ["category", "category"],
      ["channel", "channel"],
      ["tags", "tags"],
      ["sla_due_at", "slaDueAt"],
      ["ai_summary", "aiSummary"],
      ["ai_confidence_score", "aiConfidenceScore"],
      ["ai_first_response_time", "aiFirstResponseTime"],
      ["ai_auto_resolved", "aiAutoResolved"],
    ];
    for (const [field, col] of simple) {
      const v = input[field];
      if (v === undefined) continue;
      const old = cur[col];
      const same =
        v instanceof Date && old instanceof Date
          ? v.getTime() === old.getTime()
          : JSON.stringify(v) === JSON.stringify(old);
      if (same) continue;
      (data as Record<string, unknown>)[col] = v;
      changed.push(field);
    }
    if (changed.length) events.push({ type: "ticket_updated", data: { fields: changed } });

    if (events.length === 0) return cur; // nothing changed: no new version, no event
    await tx.ticket.update({
      where: { id },
      data: { ...data, updatedAt: now, version: { increment: 1 } },
      select: { id: true },
    });
    for (const e of events) {
      await recordEvent(tx, { ticketId: id, actorId: actor.id, type: e.type, data: e.data, at: now });
    }
    if (data.status !== undefined) await enqueueStatusChangeNotification(tx, actor, { ticketId: id, from: cur.status, to: data.status as TicketStatus });
    return tx.ticket.findUniqueOrThrow({ where: { id }, select: ticketSelect });
  });
}
