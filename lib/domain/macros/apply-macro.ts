
import { db } from "@/lib/db/client";
import { withTransaction } from "@/lib/db/transaction";
import type { Actor } from "../actor";
import { NotFoundError, ValidationError } from "../errors";
import { appendMessage } from "../messages/append-message";
import type { MessageRow } from "../messages/message-select";
import { assertCan } from "../policy";
import { ticketsVisibleTo } from "../scope";
import { updateTicketIn } from "../tickets/update-ticket";
import { ticketSelect, type TicketRow } from "../tickets/ticket-select";
import type { Preconditions, UpdateTicketInput } from "../tickets/types";
import { macroSelect, macrosVisibleTo, type MacroRow } from "./macro-select";
import { renderMacro } from "./render-macro";

export interface ApplyMacroInput {
  macroId: string;
  /** Post the rendered body as an internal note instead of a reply. */
  internal?: boolean;
  /** Changes applied on top of the macro's own (bulk actions). */
  extra?: UpdateTicketInput;
}

/** The ticket changes a macro asks for, for the agent applying it. */
export function macroChanges(m: MacroRow, actor: Actor): UpdateTicketInput {
  const out: UpdateTicketInput = {};
  if (m.status) out.status = m.status;
  if (m.priority) out.priority = m.priority;
  if (m.assignee === "me") out.assignedToId = actor.id;
  else if (m.assignee === "none") out.assignedToId = null;
  else if (m.assignee === "user" && m.assigneeId) out.assignedToId = m.assigneeId;
  if (m.addTags.length) out.addTags = m.addTags;
  if (m.removeTags.length) out.removeTags = m.removeTags;
  return out;
}

/**
 * Applies a macro to a ticket in one transaction: the ticket's changes (with their events and
 * the same rules and If-Match check as a PATCH), the rendered reply or note, and the macro's
 * usage count (bumped in SQL). A ticket outside the actor's scope is 404; customers 403.
 */
export async function applyMacro(
  actor: Actor,
  ticketId: string,
  input: ApplyMacroInput,
  pre: Preconditions = {},
): Promise<{ ticket: TicketRow; message: MessageRow | null }> {
  const prisma = await db();
  return withTransaction(prisma, async (tx) => {
    const t = await tx.ticket.findFirst({
      where: { id: ticketId, ...ticketsVisibleTo(actor) },
      select: { number: true, subject: true, status: true, priority: true, user: { select: { name: true, email: true } }, contact: { select: { name: true, email: true } } },
    });
    if (!t) throw new NotFoundError();
    assertCan(actor, "macro:use", {}, "Only support agents can apply macros.");
    const macro = await tx.macro.findFirst({ where: { id: input.macroId, ...macrosVisibleTo(actor) }, select: macroSelect });
    if (!macro) throw ValidationError.invalidPk("macro", input.macroId);

    const body = renderMacro(macro.body, {
      customer: t.user ?? t.contact ?? null,
      ticket: { number: t.number, subject: t.subject, status: t.status, priority: t.priority },
      agent: { name: actor.name, email: actor.email },
    }).trim();
    // Changes first: the precondition is checked before anything is written.
    await updateTicketIn(tx, actor, ticketId, { ...macroChanges(macro, actor), ...input.extra }, pre);
    const message = body
      ? await appendMessage(tx, actor, { ticketId, body, isInternal: input.internal ?? false, uploads: [], at: new Date() })
      : null;
    await tx.$executeRaw`UPDATE macros SET usage_count = usage_count + 1, last_used_at = ${new Date()} WHERE id = ${macro.id}::uuid`;
    const ticket = await tx.ticket.findUniqueOrThrow({ where: { id: ticketId }, select: ticketSelect });
    return { ticket, message };
  });
}

