import type { Prisma, Priority } from "@/lib/db/generated/client";
import { db } from "@/lib/db/client";
import { withTransaction } from "@/lib/db/transaction";
import type { Actor } from "../actor";
import { recordEvent } from "../events/record-event";
import { ValidationError } from "../errors";
import { appendMessage } from "../messages/append-message";
import { enqueueTicketCreatedNotification } from "@/lib/notifications/enqueue-notifications";
import { isAgent } from "../policy";
import { defaultSlaDueAt, PRIORITY_RANK, teamForCategory } from "../sla";
import { AGENT_ONLY_CREATE_FIELDS, type TicketCreateInput } from "@/lib/schemas/support";
import type { PreparedUpload } from "../attachments/uploads";
import { allocateTicketNumber } from "./ticket-number";
import { ticketSelect } from "./ticket-select";
import { assertAgentUser, assertCompanyExists, assertUsersExist, ensureContactForUser, teamForAssignee, teamIdByName } from "./relations";

/**
 * Opens a ticket. A customer's ticket is always theirs (linked to them and to their CRM
 * contact, created if missing); agents may open one on behalf of a user or contact and set
 * the agent fields. `initial_message` becomes the first message in the same transaction.
 */
export async function createTicket(
  actor: Actor,
  input: TicketCreateInput,
  opts: {
    uploads?: PreparedUpload[];
    defaultChannel?: "portal" | "api" | "email" | "phone" | "chat";
    /** Agents only (the CRM's explicit company); otherwise derived from the contact or order. */
    companyId?: string | null;
  } = {},
) {
  const agent = isAgent(actor);
  if (!agent) {
    const forbidden = AGENT_ONLY_CREATE_FIELDS.filter(
      (f) => (input as Record<string, unknown>)[f] !== undefined,
    );
    if (forbidden.length) {
      throw new ValidationError(
        Object.fromEntries(forbidden.map((f) => [f, ["Only support agents may set this field."]])),
      );
    }
  }
  const prisma = await db();
  const now = new Date();
  return withTransaction(prisma, async (tx) => {
    let userId: string | null = null;
    let contactId: string | null = null;
    let companyId: string | null = null;

    if (!agent) {
      const contact = await ensureContactForUser(tx, actor.id);
      userId = actor.id;
      contactId = contact.id;
      companyId = contact.companyId;
    } else {
      if (input.contact) {
        const c = await tx.contact.findUnique({
          where: { id: input.contact },
          select: { id: true, userId: true, companyId: true },
        });
        if (!c) throw ValidationError.field("contact", `Invalid pk "${input.contact}" - object does not exist.`);
        contactId = c.id;
        companyId = c.companyId;
        userId = c.userId;
      }
      if (input.user) {
        await assertUsersExist(tx, [input.user], "user");
        if (contactId && userId && userId !== input.user) {
          throw ValidationError.field("user", "The user does not match the contact's linked user.");
        }
        userId = input.user;
        if (!contactId) {
          const c = await ensureContactForUser(tx, input.user);
          contactId = c.id;
          companyId = c.companyId;
        }
      }
    }

    let orderId: string | null = null;
    if (input.order) {
      const order = await tx.order.findUnique({
        where: { id: input.order },
        select: { id: true, userId: true, contactId: true, companyId: true },
      });
      // A customer may only reference their own orders; to them another's order does not exist.
      const mine = order && (order.userId === actor.id || (contactId && order.contactId === contactId));
      if (!order || (!agent && !mine)) {
        throw ValidationError.field("order", `Invalid pk "${input.order}" - object does not exist.`);
      }
      orderId = order.id;
      companyId ??= order.companyId;
    }

    const assignee = input.assigned_to ? await assertAgentUser(tx, input.assigned_to, "assigned_to") : null;
    if (agent && opts.companyId !== undefined) {
      if (opts.companyId) await assertCompanyExists(tx, opts.companyId);
      companyId = opts.companyId;
    }
    if (input.watchers?.length) await assertUsersExist(tx, input.watchers, "watchers");

    const priority: Priority = input.priority ?? "medium";
    const category = input.category ?? "";
    let assignedTeamId: string | null = null;
    if (assignee) {
      assignedTeamId = await teamForAssignee(tx, assignee);
    } else {
      assignedTeamId = await teamIdByName(tx, teamForCategory(category));
    }
    const status = input.status ?? (input.assigned_to ? "assigned" : "new");
    const number = await allocateTicketNumber(tx, now);

    const data: Prisma.TicketUncheckedCreateInput = {
      number,
      subject: input.subject,
      description: input.description ?? "",
      status,
      priority,
      priorityRank: PRIORITY_RANK[priority],
      category,
      channel: input.channel ?? opts.defaultChannel ?? (agent ? "api" : "portal"),
      tags: input.tags ?? [],
      slaDueAt: input.sla_due_at === undefined ? defaultSlaDueAt(priority, now) : input.sla_due_at,
      userId,
      contactId,
      orderId,
      companyId,
      assignedToId: input.assigned_to ?? null,
      assignedTeamId,
      createdById: actor.id,
      lastMessageAt: now,
      aiSummary: input.ai_summary ?? null,
      aiConfidenceScore: input.ai_confidence_score ?? null,
      aiFirstResponseTime: input.ai_first_response_time ?? null,
      aiAutoResolved: input.ai_auto_resolved ?? false,
      resolvedAt: status === "resolved" || status === "closed" ? now : null,
      closedAt: status === "closed" ? now : null,
      createdAt: now,
      updatedAt: now,
      watchers: input.watchers?.length
        ? { create: [...new Set(input.watchers)].map((userId) => ({ userId, createdAt: now })) }
        : undefined,
    };
    const ticket = await tx.ticket.create({ data, select: { id: true } });
    await recordEvent(tx, {
      ticketId: ticket.id,
      actorId: actor.id,
      type: "ticket_created",
      data: { number, status, priority },
      at: now,
    });
    if (input.assigned_to) {
      await recordEvent(tx, {
        ticketId: ticket.id,
        actorId: actor.id,
        type: "assignment_changed",
        data: { from: null, to: input.assigned_to },
        at: now,
      });
    }
    const body = input.initial_message?.trim();
    if (body || opts.uploads?.length) {
      await appendMessage(tx, actor, {
        ticketId: ticket.id,
        body: body ?? "",
        isInternal: false,
        uploads: opts.uploads ?? [],
        at: now,
        notify: false,
      });
    }
    await enqueueTicketCreatedNotification(tx, actor, { ticketId: ticket.id, initialMessage: body ?? null, at: now });
    return tx.ticket.findUniqueOrThrow({ where: { id: ticket.id }, select: ticketSelect });
  });
}
