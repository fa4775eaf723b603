import type { Actor } from "../actor";
import { db } from "@/lib/db/client";
import { ValidationError } from "../errors";
import { applyMacro } from "../macros/apply-macro";
import { macrosVisibleTo } from "../macros/macro-select";
import { assertCan } from "../policy";
import { ticketEtag } from "./etag";
import type { TicketRow } from "./ticket-select";
import type { UpdateTicketInput } from "./types";
import { updateTicket } from "./update-ticket";

export const MAX_BULK_IDS = 100;

export interface BulkUpdateInput {
  ids: string[];
  changes: UpdateTicketInput;
  /** A macro applied to each ticket (its reply posted, its actions under `changes`). */
  macroId?: string;
  /** Expected edit version per ticket id: a ticket changed since is refused (412) on its own. */
  versions?: Record<string, number>;
}

export type BulkResult = { id: string; ok: true; ticket: TicketRow } | { id: string; ok: false; error: unknown };

/**
 * The same change on up to 100 tickets, one transaction per ticket, each with the policy and
 * precondition checks of a single update (or macro application). One ticket's refusal does not
 * undo the others: every id gets its own result, in the order given.
 */
export async function bulkUpdateTickets(actor: Actor, input: BulkUpdateInput): Promise<BulkResult[]> {
  assertCan(actor, "ticket:update", {}, "Customers cannot edit tickets.");
  const ids = [...new Set(input.ids)];
  if (ids.length === 0 || ids.length > MAX_BULK_IDS) throw ValidationError.field("ids", `Send between 1 and ${MAX_BULK_IDS} ticket ids.`);
  if (input.macroId) {
    assertCan(actor, "macro:use", {}, "Only support agents can apply macros.");
    const prisma = await db();
    const found = await prisma.macro.findFirst({ where: { id: input.macroId, ...macrosVisibleTo(actor) }, select: { id: true } });
    if (!found) throw ValidationError.invalidPk("macroId", input.macroId);
  }
  const results: BulkResult[] = [];
  for (const id of ids) {
    const version = input.versions?.[id];
    const pre = version !== undefined ? { ifMatch: ticketEtag({ id, version }) } : {};
    try {
      const ticket = input.macroId
        ? (await applyMacro(actor, id, { macroId: input.macroId, extra: input.changes }, pre)).ticket
        : await updateTicket(actor, id, input.changes, pre);
      results.push({ id, ok: true, ticket });
    } catch (error) {
      results.push({ id, ok: false, error });
    }
  }
  return results;
}
