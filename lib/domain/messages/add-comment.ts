import { db } from "@/lib/db/client";
import type { Actor } from "../actor";
import { NotFoundError } from "../errors";
import { ticketsVisibleTo } from "../scope";
import { getCrmTicket } from "../tickets/get-crm-ticket";
import { withCrmFieldNames } from "../tickets/crm-field-names";
import { postMessage } from "./post-message";

/**
 * The CRM's add_comment action: postMessage on a ticket addressed by URL (so an invisible
 * ticket is 404, not a 400 about a body field), returning the updated ticket. postMessage
 * sets first_response_at on the first public agent reply and keeps the counters.
 */
export async function addComment(actor: Actor, ticketId: string, input: { text: string; is_internal?: boolean }) {
  const prisma = await db();
  const visible = await prisma.ticket.findFirst({ where: { id: ticketId, ...ticketsVisibleTo(actor) }, select: { id: true } });
  if (!visible) throw new NotFoundError();
  await withCrmFieldNames(() => postMessage(actor, { ticket: ticketId, body: input.text, is_internal: input.is_internal }));
  return getCrmTicket(actor, ticketId);
}
