import type { TicketFilter, TicketSortField, CreateTicketInput, UpdateTicketInput } from "@/lib/domain/tickets/types";
import type { MessageFilter } from "@/lib/domain/messages/list-messages";
import { parseOrdering, searchTerms } from "../ordering";
import type { MessageListQuery, TicketCreateInput, TicketListQuery, TicketUpdateInput } from "./schemas";

/**
 * The support contract's wire names ↔ the domain's. FIELD_NAMES names the domain's
 * validation errors back in this contract's words (used by the api() wrapper).
 */
export const SUPPORT_FIELD_NAMES: Readonly<Record<string, string>> = {
  assignedToId: "assigned_to",
  assignee: "assigned_to",
  slaDueAt: "sla_due_at",
  watcherIds: "watchers",
  orderId: "order",
  contactId: "contact",
  userId: "user",
  companyId: "company",
  ticketId: "ticket",
  isInternal: "is_internal",
  initialMessage: "initial_message",
  aiSummary: "ai_summary",
  aiConfidenceScore: "ai_confidence_score",
  aiFirstResponseTime: "ai_first_response_time",
  aiAutoResolved: "ai_auto_resolved",
};

export const TICKET_ORDERING: Readonly<Record<string, TicketSortField>> = {
  created_at: "createdAt",
  updated_at: "updatedAt",
  last_message_at: "lastMessageAt",
  sla_due_at: "slaDueAt",
  // By severity (urgent > high > medium > low), not alphabetically.
  priority: "priority",
};

export function ticketOrdering(raw: string | undefined, fallback = "-last_message_at") {
  return parseOrdering(raw, TICKET_ORDERING, fallback);
}

/** Drops the keys whose value is undefined, so PATCH semantics survive the mapping. */
function defined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

function agentFields(w: TicketUpdateInput) {
  return {
    status: w.status,
    priority: w.priority,
    category: w.category,
    channel: w.channel,
    slaDueAt: w.sla_due_at,
    assignedToId: w.assigned_to,
    watcherIds: w.watchers,
    tags: w.tags,
    aiSummary: w.ai_summary,
    aiConfidenceScore: w.ai_confidence_score,
    aiFirstResponseTime: w.ai_first_response_time,
    aiAutoResolved: w.ai_auto_resolved,
  };
}

export function toCreateTicket(w: TicketCreateInput): CreateTicketInput {
  return defined({
    ...agentFields(w),
    subject: w.subject,
    description: w.description,
    initialMessage: w.initial_message,
    orderId: w.order,
    userId: w.user,
    contactId: w.contact,
  });
}

export function toUpdateTicket(w: TicketUpdateInput): UpdateTicketInput {
  return defined({ ...agentFields(w), subject: w.subject, description: w.description, orderId: w.order, contactId: w.contact });
}

export function toTicketFilter(q: TicketListQuery): TicketFilter {
  const assignee = q.assigned_to === "me" || q.assigned_to === "none" ? q.assigned_to : q.assigned_to ? { id: q.assigned_to } : null;
  return defined({
    status: q.status,
    priority: q.priority,
    channel: q.channel,
    contactId: q.contact,
    orderId: q.order,
    assignee: assignee ? [assignee] : undefined,
    createdAt: { from: q.created_at_after, to: q.created_at_before },
    lastMessageAt: { from: q.last_message_at_after, to: q.last_message_at_before },
    slaDueAt: { from: q.sla_due_at_after, to: q.sla_due_at_before },
    slaOverdue: q.sla_overdue,
    tags: q.tags?.length ? q.tags : undefined,
    search: q.search ? { terms: searchTerms(q.search), fields: ["subject", "description", "requesterEmail"] as const } : undefined,
  });
}

export function toMessageFilter(q: MessageListQuery): MessageFilter {
  return defined({
    ticketId: q.ticket,
    direction: q.direction,
    isInternal: q.is_internal,
    createdAt: { from: q.created_at_after, to: q.created_at_before },
  });
}
