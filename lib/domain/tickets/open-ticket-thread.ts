import type { Actor } from "../actor";
import { NotFoundError } from "../errors";
import { isUuid } from "../ids";
import { markTicketRead } from "./mark-ticket-read";

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
