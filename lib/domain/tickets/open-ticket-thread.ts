import type { Actor } from "../actor";
import { NotFoundError } from "../errors";
import { isUuid } from "../ids";
import { markTicketRead } from "./mark-ticket-read";
import { mergedTargetFor } from "./merged-target";

/**
 * Opening a thread is reading it: the
 * caller's unread counter is cleared before the page renders, so it works without
 * JavaScript. Returns the normalised id, or null when the ticket is not the actor's to see.
 */
export async function openTicketThread(actor: Actor, rawId: string): Promise<string | null> {
  if (!isUuid(rawId)) return null;
  const id = rawId.toLowerCase();
  try {
    await markTicketRead(actor, id);
  } catch (e) {
    if (e instanceof NotFoundError) return null;
    throw e;
  }
  return id;
}

/**
 * What opening a ticket's page means: a merged duplicate (still closed as the merge left it)
 * opens the ticket it was merged into when the actor may see that one; otherwise the thread is
 * opened (marked read), or null when it is not the actor's to see.
 */
export async function openTicketPage(actor: Actor, rawId: string): Promise<{ id: string | null; mergedInto: string | null }> {
  const mergedInto = isUuid(rawId) ? await mergedTargetFor(actor, rawId.toLowerCase()) : null;
  if (mergedInto) return { id: null, mergedInto };
  return { id: await openTicketThread(actor, rawId), mergedInto: null };
}
