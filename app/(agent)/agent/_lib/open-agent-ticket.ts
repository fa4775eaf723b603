import { cache } from "react";
import { openTicketPage } from "@/lib/domain/tickets/open-ticket-thread";
import { requireAgentPage } from "./require-agent";

/**
 * Opening /agent/tickets/{raw}/, decided once per request: the ticket's layout and its page
 * both call this (React's request cache runs it once, so the thread is marked read once).
 */
export const openAgentTicket = cache(async (raw: string) => {
  const actor = await requireAgentPage(`/agent/tickets/${raw}/`);
  return { actor, ...(await openTicketPage(actor, raw)) };
});
