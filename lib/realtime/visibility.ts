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
  if (filter.assignedToMe && e.assignedToId !== actor.id) return null;
  const agent = can(actor, "ticket:read-internal");
  const data: Record<string, unknown> = { ticket: e.ticketId };
  if (!agent) {
    if (e.isInternal) return null;
    if (e.requesterId !== actor.id && e.contactUserId !== actor.id) return null;
  }
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
    default:
      return null;
  }
  return { id: String(e.seq), event: e.type, data };
}
