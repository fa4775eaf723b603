import { isUuid } from "@/lib/domain/ids";
import type { CreateTicketInput, TicketFilter, TicketSortField, UpdateTicketInput } from "@/lib/domain/tickets/types";
import { parseOrdering, searchTerms } from "../ordering";
import { CRM_ORDERING_FIELDS, type CrmTicketCreateInput, type CrmTicketListQuery, type CrmTicketUpdateInput } from "./schemas";

/**
 * The CRM contract over the same domain as the support API: comment = message, internal note
 * = internal message, due_date = the SLA due time, tags a comma string. FIELD_NAMES names the
 * domain's validation errors in this contract's words.
 */
export const CRM_FIELD_NAMES: Readonly<Record<string, string>> = {
  assignedToId: "assigned_to",
  assignee: "assigned_to",
  slaDueAt: "due_date",
  companyId: "company",
  contactId: "contact",
  orderId: "order",
  userId: "user",
  watcherIds: "watchers",
  ticketId: "ticket",
  isInternal: "is_internal",
  body: "text",
};

/** The assign action names its one field user_id. */
export const CRM_ASSIGN_FIELD_NAMES: Readonly<Record<string, string>> = { ...CRM_FIELD_NAMES, assignedToId: "user_id" };

const ORDERING: Record<(typeof CRM_ORDERING_FIELDS)[number], TicketSortField> = {
  created_at: "createdAt",
  priority: "priority",
  status: "status",
  due_date: "slaDueAt",
};

export function crmOrdering(raw: string | undefined) {
  return parseOrdering(raw, ORDERING, "-created_at");
}

function defined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

export function toCrmUpdateTicket(w: CrmTicketUpdateInput): UpdateTicketInput {
  return defined({
    subject: w.subject,
    description: w.description,
    status: w.status,
    priority: w.priority,
    category: w.category,
    contactId: w.contact,
    assignedToId: w.assigned_to,
    slaDueAt: w.due_date,
    tags: w.tags,
    companyId: w.company,
  });
}

export function toCrmCreateTicket(w: CrmTicketCreateInput): CreateTicketInput {
  return { ...toCrmUpdateTicket(w), subject: w.subject, defaultChannel: "api" };
}

export function toCrmTicketFilter(q: CrmTicketListQuery): TicketFilter {
  const team = q.assigned_team?.trim();
  return defined({
    status: q.status,
    priority: q.priority,
    category: q.category,
    companyId: q.company,
    // The flags only filter when true; "false" means "don't filter", not the inverse.
    assignee: [
      ...(q.assigned_to ? [{ id: q.assigned_to }] : []),
      ...(q.my_tickets ? ["me" as const] : []),
      ...(q.unassigned ? ["none" as const] : []),
    ],
    // By name (?assigned_team=Tech); a team id works too.
    team: team ? (isUuid(team) ? { id: team.toLowerCase() } : { name: team }) : undefined,
    openOnly: q.open || undefined,
    search: q.search ? { terms: searchTerms(q.search), fields: ["number", "subject", "description", "companyName"] as const } : undefined,
  });
}
