import { serializeEvent, serializeTicket } from "@/lib/api/support/serialize";
import type { Actor } from "@/lib/domain/actor";
import { ticketCapabilities, type TicketCapabilities } from "@/lib/domain/policy";
import { EVENT_KEYS, listEvents } from "@/lib/domain/events/list-events";
import { getTicket } from "@/lib/domain/tickets/get-ticket";
import { ticketEtag } from "@/lib/domain/tickets/etag";
import { listTicketParties, type TicketParties } from "@/lib/domain/tickets/list-ticket-parties";
import type { ApiEvent, ApiMessage, ApiTicket } from "@/components/types";
import { loadThreadMessages } from "@/components/server/thread-messages";

export interface TicketView {
  ticket: ApiTicket;
  etag: string;
  /** What this agent may do with the ticket, decided by the policy on the server. */
  capabilities: TicketCapabilities;
  /** The ETag of the version the capabilities were computed for. */
  capabilitiesFor: string;
  messages: ApiMessage[];
  events: ApiEvent[];
  parties: {
    requester: TicketParties["requester"];
    contact: TicketParties["contact"];
    order: (Omit<NonNullable<TicketParties["order"]>, "createdAt"> & { createdAt: string }) | null;
  };
}

/** Everything the agent ticket view shows, through the same domain functions as the API. */
export async function loadTicketView(actor: Actor, id: string): Promise<TicketView> {
  const t = await getTicket(actor, id);
  const [messages, events, parties] = await Promise.all([
    loadThreadMessages(actor, id),
    listEvents(actor, { ticketId: id }, { keys: EVENT_KEYS, after: null, size: 50 }),
    listTicketParties(actor, [id]),
  ]);
  const p = parties.get(id);
  const etag = ticketEtag(t);
  return {
    ticket: serializeTicket(t, actor),
    etag,
    // The contact's user only matters to the participant rules, which agents do not need.
    capabilities: ticketCapabilities(actor, { assignedToId: t.assignedToId, userId: t.userId }),
    capabilitiesFor: etag,
    messages,
    // The serializer's output is tested against the contract's event schema; its TS type is looser.
    events: events.rows.map(serializeEvent) as ApiEvent[],
    parties: {
      requester: p?.requester ?? null,
      contact: p?.contact ?? null,
      order: p?.order ? { ...p.order, createdAt: p.order.createdAt.toISOString() } : null,
    },
  };
}

