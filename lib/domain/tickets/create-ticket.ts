import type { Prisma } from "@/lib/db/generated/client";
import { storableTags } from "./tags";
import { db } from "@/lib/db/client";
import { withTransaction } from "@/lib/db/transaction";
import type { Actor } from "../actor";
import { emit } from "../events/domain-events";
import { recordEvent } from "../events/record-event";
import { ValidationError } from "../errors";
import { appendMessage } from "../messages/append-message";
import { assertCan, can } from "../policy";
import { slaClockColumns } from "../sla/clock-columns";
import { startClocks } from "../sla/clocks";
import { loadSlaPolicies } from "../sla/load-policies";
import { matchPolicy, rulesFor } from "../sla/policies";
import { teamForCategory } from "./routing";
import { onCreate } from "./lifecycle";
import { allocateTicketNumber } from "./ticket-number";
import { ticketSelect } from "./ticket-select";
import { AGENT_ONLY_CREATE_FIELDS, PRIORITY_RANK, type CreateTicketInput } from "./types";
import { assertAgentUser, assertCompanyExists, assertUsersExist, ensureContactForUser, teamForAssignee, teamIdByName } from "./relations";

/** Who the ticket is for: a customer's own ticket is theirs; an agent names a user or contact. */
async function resolveRequester(tx: Prisma.TransactionClient, actor: Actor, input: CreateTicketInput, agent: boolean) {
  if (!agent) {
    const contact = await ensureContactForUser(tx, actor.id);
    return { userId: actor.id as string | null, contactId: contact.id as string | null, companyId: contact.companyId };
  }
  let userId: string | null = null;
  let contactId: string | null = null;
  let companyId: string | null = null;
  if (input.contactId) {
    const c = await tx.contact.findUnique({ where: { id: input.contactId }, select: { id: true, userId: true, companyId: true } });
    if (!c) throw ValidationError.invalidPk("contactId", input.contactId);
    ({ id: contactId, userId, companyId } = c);
  }
  if (input.userId) {
    await assertUsersExist(tx, [input.userId], "userId");
    if (contactId && userId && userId !== input.userId) {
      throw ValidationError.field("userId", "The user does not match the contact's linked user.");
    }
    userId = input.userId;
    if (!contactId) {
      const c = await ensureContactForUser(tx, input.userId);
      contactId = c.id;
      companyId = c.companyId;
    }
  }
  return { userId, contactId, companyId };
}

/**
 * Opens a ticket. A customer's ticket is always theirs (linked to them and to their CRM
 * contact, created if missing); agents may open one on behalf of a user or contact and set
 * the agent fields. `initialMessage` becomes the first message in the same transaction.
 */
export async function createTicket(actor: Actor, input: CreateTicketInput) {
  assertCan(actor, "ticket:create");
  const agent = can(actor, "ticket:set-agent-fields");
  if (!agent) {
    const forbidden = AGENT_ONLY_CREATE_FIELDS.filter((f) => input[f] !== undefined);
    if (forbidden.length) {
      throw new ValidationError(Object.fromEntries(forbidden.map((f) => [f, ["Only support agents may set this field."]])));
    }
  }
  const prisma = await db();
  const now = new Date();
  return withTransaction(prisma, async (tx) => {
    const requester = await resolveRequester(tx, actor, input, agent);
    let { companyId } = requester;
    let orderId: string | null = null;
    if (input.orderId) {
      const order = await tx.order.findUnique({
        where: { id: input.orderId },
        select: { id: true, userId: true, contactId: true, companyId: true },
      });
      // A customer may only reference their own orders; to them another's order does not exist.
      const mine = order && (order.userId === actor.id || (requester.contactId && order.contactId === requester.contactId));
      if (!order || (!agent && !mine)) throw ValidationError.invalidPk("orderId", input.orderId);
      orderId = order.id;
      companyId ??= order.companyId;
    }
    const assignee = input.assignedToId ? await assertAgentUser(tx, input.assignedToId, "assignedToId") : null;
    if (input.companyId !== undefined) {
      if (input.companyId) await assertCompanyExists(tx, input.companyId, "companyId");
      companyId = input.companyId;
    }
    if (input.watcherIds?.length) await assertUsersExist(tx, input.watcherIds, "watcherIds");

    const priority = input.priority ?? "medium";
    const category = input.category ?? "";
    const assignedTeamId = assignee ? await teamForAssignee(tx, assignee) : await teamIdByName(tx, teamForCategory(category));
    const life = onCreate({ status: input.status, assignedToId: input.assignedToId ?? null }, now);
    const number = await allocateTicketNumber(tx, now);
    const channel = input.channel ?? input.defaultChannel ?? (agent ? "api" : "portal");
    const policy = matchPolicy(await loadSlaPolicies(tx), { priority, category, channel, assignedTeamId, companyId });
    const clocks = slaClockColumns(startClocks(life.status, rulesFor(policy, priority), now), policy);

    const data: Prisma.TicketUncheckedCreateInput = {
      number,
      subject: input.subject,
      description: input.description ?? "",
      status: life.status,
      priority,
      priorityRank: PRIORITY_RANK[priority],
      category,
      channel,
      tags: storableTags(input.tags ?? []),
      ...clocks,
      // An explicit due time (agents, imports) stands until the next event that moves a clock.
      slaDueAt: input.slaDueAt === undefined ? clocks.slaDueAt : input.slaDueAt,
      slaPolicyId: policy.id,
      userId: requester.userId,
      contactId: requester.contactId,
      orderId,
      companyId,
      assignedToId: input.assignedToId ?? null,
      assignedTeamId,
      createdById: actor.id,
      lastMessageAt: now,
      aiSummary: input.aiSummary ?? null,
      aiConfidenceScore: input.aiConfidenceScore ?? null,
      aiFirstResponseTime: input.aiFirstResponseTime ?? null,
      aiAutoResolved: input.aiAutoResolved ?? false,
      resolvedAt: life.resolvedAt,
      closedAt: life.closedAt,
      createdAt: now,
      updatedAt: now,
      watchers: input.watcherIds?.length
        ? { create: [...new Set(input.watcherIds)].map((userId) => ({ userId, createdAt: now })) }
        : undefined,
    };
    const ticket = await tx.ticket.create({ data, select: { id: true } });
    await recordEvent(tx, { ticketId: ticket.id, actorId: actor.id, type: "ticket_created", data: { number, status: life.status, priority }, at: now });
    if (input.assignedToId) {
      await recordEvent(tx, { ticketId: ticket.id, actorId: actor.id, type: "assignment_changed", data: { from: null, to: input.assignedToId }, at: now });
    }
    const body = input.initialMessage?.trim();
    if (body || input.uploads?.length) {
      // The first message goes out in the acknowledgement below, not as a reply of its own.
      await appendMessage(tx, actor, { ticketId: ticket.id, body: body ?? "", isInternal: false, uploads: input.uploads ?? [], at: now, notify: false });
    }
    await emit(tx, { type: "ticket.created", actor, ticketId: ticket.id, initialMessage: body ?? null, at: now });
    return tx.ticket.findUniqueOrThrow({ where: { id: ticket.id }, select: ticketSelect });
  });
}
