import { cursorOf, listPage } from "@/lib/api/pagination";
import { ticketOrdering } from "@/lib/api/support/mappers";
import { serializeTicket } from "@/lib/api/support/serialize";
import type { Actor } from "@/lib/domain/actor";
import { getTicket } from "@/lib/domain/tickets/get-ticket";
import { listTickets, ticketSortKeys } from "@/lib/domain/tickets/list-tickets";
import type { ApiMessage, ApiTicket } from "@/components/types";
import { loadThreadMessages } from "@/components/server/thread-messages";

export interface MyTickets {
  tickets: ApiTicket[];
  next: string | null;
  prev: string | null;
}

/**
 * The customer's own tickets, most recent activity first (scope enforced by the domain), with
 * the API's cursors for that ordering; a mangled cursor just shows page one.
 */
export async function loadMyTickets(actor: Actor, cursor?: string): Promise<MyTickets> {
  const url = new URL("http://portal/");
  if (cursor) url.searchParams.set("cursor", cursor);
  const page = await listPage(url, {
    name: "support.tickets",
    keys: ticketSortKeys(ticketOrdering(undefined)),
    load: (p) => listTickets(actor, {}, p),
    serialize: (t) => serializeTicket(t, actor),
    size: 20,
    badCursor: "first-page",
  });
  return { tickets: page.results, next: cursorOf(page.next), prev: cursorOf(page.previous) };
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
