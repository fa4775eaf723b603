import { serializeMessage } from "@/lib/api/support/serialize";
import type { Actor } from "@/lib/domain/actor";
import type { Position } from "@/lib/domain/keyset";
import { listMessages, MESSAGE_KEYS } from "@/lib/domain/messages/list-messages";
import type { ApiMessage } from "../types";

const PAGE = 100;
const MAX_PAGES = 20;

/**
 * A whole thread in time order, as the actor may see it (listMessages drops internal notes for
 * customers). Walks the cursor pages on the server so the first paint has the full thread.
 */
export async function loadThreadMessages(actor: Actor, ticketId: string): Promise<ApiMessage[]> {
  const out: ApiMessage[] = [];
  let pos: Position | null = null;
  for (let i = 0; i < MAX_PAGES; i++) {
    const page = await listMessages(actor, { ticketId }, { keys: MESSAGE_KEYS, after: pos, size: PAGE });
    out.push(...page.rows.map(serializeMessage));
    if (!page.next) break;
    pos = page.next;
  }
  return out;
}
