import type { Actor } from "@/lib/domain/actor";
import { can } from "@/lib/domain/policy";
import type { LogEvent } from "./log";

export interface StreamFilter {
  ticket?: string;
  assignedToMe?: boolean;
}

export interface StreamEvent {
  id: string;
  event: string;
  data: Record<string, unknown>;
}

// AI output is derived from the whole thread, internal notes included: agents only, as in
// the ticket serializer. A customer is not even told that it changed.
const AGENT_ONLY_FIELDS = new Set(["ai_summary", "ai_confidence_score", "ai_first_response_time", "ai_auto_resolved"]);

/**
 * The API's visibility, applied to one log row: agents (ticket:read-internal) see every
 * ticket and internal notes; anyone else only tickets they requested (directly or as the
 * contact's user, as ticketsVisibleTo in lib/domain/scope.ts), never an internal note, never
 * the agents' side of the unread counters. Returns what goes on the wire, or null.
 */
export function visibleEvent(actor: Actor, e: LogEvent, filter: StreamFilter): StreamEvent | null {
  if (filter.ticket && e.ticketId !== filter.ticket) return null;
  // A deleted ticket's row is gone: its log row carries who it belonged to.
  const gone = e.type === "ticket.deleted";
  const assignedToId = gone ? (e.data.assigned_to as string | null) : e.assignedToId;
  const requesterId = gone ? (e.data.requester as string | null) : e.requesterId;
  const contactUserId = gone ? (e.data.contact_user as string | null) : e.contactUserId;
  if (filter.assignedToMe && assignedToId !== actor.id) return null;
  const agent = can(actor, "ticket:read-internal");
  const data: Record<string, unknown> = { ticket: e.ticketId };
  if (!agent) {
    if (e.isInternal) return null;
    if (requesterId !== actor.id && contactUserId !== actor.id) return null;
  }
  let event = e.type;
  switch (e.type) {
    case "ticket.created":
      break;
    case "ticket.updated": {
      const all = (e.data.fields as string[]) ?? [];
      const fields = agent ? all : all.filter((f) => !AGENT_ONLY_FIELDS.has(f));
      if (fields.length === 0) return null;
      Object.assign(data, { fields, version: e.data.version });
      break;
    }
    case "message.created":
      data.message = e.data.message;
      if (e.data.author_side) data.author_side = e.data.author_side;
      if (agent) data.is_internal = e.isInternal;
      break;
    case "ticket.read":
      if (!agent && e.data.side !== "customer") return null;
      data.side = e.data.side;
      break;
    case "message.updated":
      data.message = e.data.message;
      if (agent) {
        Object.assign(data, { fields: e.data.fields, is_internal: e.data.is_internal });
      } else if (e.data.was_internal) {
        // A note made public: to the customer it is a new reply.
        event = "message.created";
        data.author_side = "agent";
      } else if (e.data.is_internal) {
        // A reply turned into a note: to the customer it is gone.
        event = "message.deleted";
      } else {
        data.fields = e.data.fields;
      }
      break;
    case "message.deleted":
      data.message = e.data.message;
      break;
    case "attachment.created":
    case "attachment.deleted":
      data.attachment = e.data.attachment;
      break;
    case "ticket.deleted":
      break;
    default:
      return null;
  }
  return { id: String(e.seq), event, data };
}
