import type { Channel, Priority, TicketStatus } from "@/lib/db/generated/client";
import type { PreparedUpload } from "../attachments/uploads";

/**
 * The ticket aggregate in the domain's own words: camelCase fields named after what they hold
 * (`assignedToId`, `slaDueAt`), never after a wire format. Each API contract maps its own field
 * names onto these (lib/api/support/, lib/api/crm/) and names validation errors back.
 */
export type { Channel, Priority, TicketStatus };

export { OPEN_STATUSES, PRIORITIES, PRIORITY_RANK, STATUSES, TERMINAL_STATUSES } from "./constants";
import { OPEN_STATUSES } from "./constants";
export const CHANNELS = ["portal", "email", "phone", "chat", "api"] as const satisfies readonly Channel[];

export function isOpenStatus(s: TicketStatus): boolean {
  return (OPEN_STATUSES as readonly string[]).includes(s);
}

/** Fields agents set on create and update; every one optional (PATCH semantics). */
export interface AgentTicketFields {
  status?: TicketStatus;
  priority?: Priority;
  category?: string;
  channel?: Channel;
  slaDueAt?: Date | null;
  assignedToId?: string | null;
  watcherIds?: string[];
  tags?: string[];
  aiSummary?: string | null;
  aiConfidenceScore?: number | null;
  aiFirstResponseTime?: number | null;
  aiAutoResolved?: boolean;
  /** An explicit company; otherwise it follows the contact (or the order). */
  companyId?: string | null;
}

/** The agent-only fields of a create; a customer sending any of them is refused per field. */
export const AGENT_ONLY_CREATE_FIELDS = [
  "status", "priority", "category", "channel", "slaDueAt", "assignedToId", "watcherIds", "tags",
  "aiSummary", "aiConfidenceScore", "aiFirstResponseTime", "aiAutoResolved", "companyId", "userId", "contactId",
] as const;

export interface CreateTicketInput extends AgentTicketFields {
  subject: string;
  description?: string;
  /** Becomes the first message, in the same transaction. */
  initialMessage?: string;
  orderId?: string | null;
  /** Agents only: the requester, and/or their CRM contact. */
  userId?: string | null;
  contactId?: string | null;
  uploads?: PreparedUpload[];
  /** The channel used when the input names none (the API or portal the ticket came through). */
  defaultChannel?: Channel;
}

export interface UpdateTicketInput extends AgentTicketFields {
  /** Tags added to / removed from the current list (after `tags`, when both are given). */
  addTags?: string[];
  removeTags?: string[];
  subject?: string;
  description?: string;
  orderId?: string | null;
  contactId?: string | null;
}

/** Optimistic concurrency: a stale version or modification date is refused (412). */
export interface Preconditions {
  /** Raw If-Match header value (a list of entity tags, or "*"). */
  ifMatch?: string | null;
  ifUnmodifiedSince?: Date | null;
}

export interface DateRange {
  from?: Date;
  to?: Date;
}

export type TicketSearchField = "subject" | "description" | "number" | "requesterEmail" | "companyName";

export type AssigneeFilter = "me" | "none" | { id: string };

/** Every way a ticket list can be narrowed, whichever API or page asks. */
export interface TicketFilter {
  status?: TicketStatus;
  openOnly?: boolean;
  priority?: Priority;
  channel?: Channel;
  /** Case-insensitive exact category. */
  category?: string;
  contactId?: string;
  orderId?: string;
  companyId?: string;
  /** Each must hold: "me" (the actor), "none" (unassigned) or a user id. */
  assignee?: AssigneeFilter[];
  team?: { id: string } | { name: string };
  createdAt?: DateRange;
  lastMessageAt?: DateRange;
  slaDueAt?: DateRange;
  slaOverdue?: boolean;
  /** Normalized tags: tickets carrying any of them. */
  tags?: string[];
  /** Every term must match one of the fields (case-insensitive substring). */
  search?: { terms: string[]; fields: readonly TicketSearchField[] };
}

export type TicketSortField = "createdAt" | "updatedAt" | "lastMessageAt" | "slaDueAt" | "priority" | "status";
export interface SortSpec<F extends string = string> {
  field: F;
  dir: "asc" | "desc";
}
