import { decodeCursor, encodeCursor } from "@/lib/api/cursor";
import { serializeTicket } from "@/lib/api/serializers/support";
import type { Actor } from "@/lib/domain/actor";
import { ValidationError } from "@/lib/domain/errors";
import { getTicket } from "@/lib/domain/tickets/get-ticket";
import { listTickets, ticketSortKeys } from "@/lib/domain/tickets/list-tickets";
import type { ApiMessage, ApiTicket } from "@/components/types";
import { loadThreadMessages } from "@/components/server/thread-messages";

const KEYS = ticketSortKeys("-last_message_at");
// The API's cursor scope for this ordering, so the portal's cursors are API cursors too.
const SCOPE = `support.tickets:${KEYS.map((k) => `${k.dir === "desc" ? "-" : ""}${k.field}`).join(",")}`;

export interface MyTickets {
  tickets: ApiTicket[];
  next: string | null;
  prev: string | null;
}

/** The customer's own tickets, most recent activity first (scope enforced by the domain). */
export async function loadMyTickets(actor: Actor, cursor?: string): Promise<MyTickets> {
  let pos = null;
  try {
    pos = decodeCursor(cursor, SCOPE, KEYS);
  } catch (e) {
    if (!(e instanceof ValidationError)) throw e; // a mangled cursor just shows page one
  }
  const page = await listTickets(actor, {}, pos, 20, KEYS);
  return {
    tickets: page.rows.map((t) => serializeTicket(t, actor)),
    next: page.next ? encodeCursor(page.next, SCOPE) : null,
    prev: page.prev ? encodeCursor(page.prev, SCOPE) : null,
  };
}

export interface PortalThread {
  ticket: ApiTicket;
  messages: ApiMessage[];
}

/**
 * A ticket as its customer sees it: getTicket 404s outside their scope, serializeTicket
 * blanks the AI fields and listMessages drops internal notes, so nothing internal can reach
 * the page's HTML.
 */
export async function loadPortalThread(actor: Actor, id: string): Promise<PortalThread> {
  const t = await getTicket(actor, id);
  return { ticket: serializeTicket(t, actor), messages: await loadThreadMessages(actor, id) };
}
