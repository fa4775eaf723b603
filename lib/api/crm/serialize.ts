import type { Actor } from "@/lib/domain/actor";
import type { AttachmentRow, TicketWithThread } from "@/lib/domain/tickets/ticket-thread-select";
import { can } from "@/lib/domain/policy";
import { attachmentUrl, isOverdue } from "../support/serialize";
import { iso } from "@/lib/time/iso";

/**
 * Explicit output shapes of the CRM ticket API: the CRM contract's field names over the same
 * rows the support API serializes (comment = message, due_date = sla_due_at).
 */
const nameOf = (u: { name: string; email: string } | null) => (u ? u.name || u.email : null);

/** Hours between two instants, two decimals (five minutes is 0.08). */
function hoursBetween(from: Date, to: Date | null): number | null {
  if (!to) return null;
  return Math.round(((to.getTime() - from.getTime()) / 3_600_000) * 100) / 100;
}

interface CommentLike {
  id: string;
  ticketId: string;
  authorId: string | null;
  body: string;
  isInternal: boolean;
  createdAt: Date;
  updatedAt: Date;
  author: { name: string; email: string; role: string } | null;
}

export function serializeCrmComment(m: CommentLike) {
  return {
    id: m.id,
    ticket: m.ticketId,
    author: m.authorId,
    author_name: nameOf(m.author),
    author_role: m.author?.role ?? null,
    text: m.body,
    is_internal: m.isInternal,
    created_at: iso(m.createdAt),
    updated_at: iso(m.updatedAt),
  };
}

export function serializeCrmAttachment(a: AttachmentRow) {
  return {
    id: a.id,
    ticket: a.ticketId,
    // Downloads go through the one permission-checked file endpoint.
    file: attachmentUrl(a.id),
    name: a.name,
    size: a.size,
    content_type: a.contentType,
    uploaded_by: a.uploadedById,
    uploaded_by_name: nameOf(a.uploadedBy),
    created_at: iso(a.createdAt),
  };
}

export function serializeCrmTicket(t: TicketWithThread, actor: Actor) {
  // One literal, no spread: see lib/api/support/serialize.ts.
  return {
    id: t.id,
    ticket_number: t.number,
    subject: t.subject,
    description: t.description,
    status: t.status,
    priority: t.priority,
    category: t.category,
    company: t.companyId,
    company_name: t.company?.name ?? null,
    contact: t.contactId,
    contact_name: nameOf(t.contact),
    assigned_to: t.assignedToId,
    assigned_to_name: nameOf(t.assignedTo),
    assigned_team: t.assignedTeam?.name ?? null,
    created_by: t.createdById,
    created_by_name: nameOf(t.createdBy),
    first_response_at: iso(t.firstResponseAt),
    resolved_at: iso(t.resolvedAt),
    closed_at: iso(t.closedAt),
    due_date: iso(t.slaDueAt),
    first_response_time_hours: hoursBetween(t.createdAt, t.firstResponseAt),
    resolution_time_hours: hoursBetween(t.createdAt, t.resolvedAt),
    is_overdue: isOverdue(t),
    tags: t.tags.join(", "),
    comments: t.messages.map(serializeCrmComment),
    attachments: t.attachments.map(serializeCrmAttachment),
    comments_count: t.publicMessageCount,
    // Customers never see internal notes, not even how many there are.
    internal_notes_count: can(actor, "ticket:read-internal") ? t.internalMessageCount : 0,
    created_at: iso(t.createdAt),
    updated_at: iso(t.updatedAt),
    merged_into: t.mergedIntoId,
  };
}
