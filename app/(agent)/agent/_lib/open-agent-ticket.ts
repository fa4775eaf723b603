import { cache } from "react";
import { isUuid } from "@/lib/domain/ids";
import { mergedTargetFor } from "@/lib/domain/tickets/merged-target";
import { openTicketThread } from "@/lib/domain/tickets/open-ticket-thread";
import { requireAgentPage } from "./require-agent";

/**
 * What opening /agent/tickets/{raw}/ means, decided once per request: the ticket's layout and
 * its page both call this (React's request cache runs it once, so the thread is marked read
 * once). The layout acts on it outside the page's loading.tsx boundary, so a missing ticket is
 * a real 404 and a merged duplicate a real redirect, not a 200 streamed behind a skeleton.
 */
export const openAgentTicket = cache(async (raw: string) => {
  const actor = await requireAgentPage(`/agent/tickets/${raw}/`);
  // A merged duplicate opens the ticket it was merged into (when the actor may see that one).
  const mergedInto = isUuid(raw) ? await mergedTargetFor(actor, raw.toLowerCase()) : null;
  if (mergedInto) return { actor, id: null, mergedInto };
  return { actor, id: await openTicketThread(actor, raw), mergedInto: null };
});
