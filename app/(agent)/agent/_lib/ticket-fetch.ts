import { api } from "@/lib/api-client/client";
import { fetchThreadMessages } from "@/lib/api-client/reads";
import type { TicketView } from "./ticket-data";

/**
 * The agent ticket view as the browser polls it, through the REST API: the ticket (with the
 * ETag the next PATCH is conditional on), its whole thread, its timeline and who it is about.
 */
export async function fetchTicketView(id: string): Promise<TicketView> {
  const path = { id };
  const [ticket, messages, events, parties, caps] = await Promise.all([
    api.GET("/api/v1/support/tickets/{id}/", { path }),
    fetchThreadMessages(id),
    api.GET("/api/v1/support/events/", { query: { ticket: id, page_size: 50 } }),
    api.GET("/api/v1/support/ticket-parties/", { query: { tickets: id } }),
    api.GET("/api/v1/support/tickets/{id}/capabilities/", { path }),
  ]);
  const c = caps.data;
  const p = parties.data.results[0];
  const order = p?.order ?? null;
  return {
    ticket: ticket.data,
    etag: ticket.headers.get("etag") ?? "",
    capabilities: {
      canView: c.can_view,
      canReadInternal: c.can_read_internal,
      canUpdate: c.can_update,
      canChangeStatus: c.can_change_status,
      canAssign: c.can_assign,
      canReassign: c.can_reassign,
      canAssignToSelf: c.can_assign_to_self,
      canDelete: c.can_delete,
      canPost: c.can_post,
      canPostInternal: c.can_post_internal,
      canAddAttachment: c.can_add_attachment,
    },
    capabilitiesFor: caps.headers.get("etag") ?? "",
    messages,
    events: events.data.results,
    parties: {
      requester: p?.requester ?? null,
      contact: p?.contact ?? null,
      order: order && { id: order.id, number: order.number, total: order.total, currency: order.currency, status: order.status, createdAt: order.created_at },
    },
  };
}
