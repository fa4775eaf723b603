import { parseQueryParams } from "@/lib/api/handler";
import { cursorOf, InvalidCursorError, listPage } from "@/lib/api/pagination";
import { SUPPORT_FIELD_NAMES, ticketOrdering, toTicketFilter } from "@/lib/api/support/mappers";
import { ticketListQuerySchema } from "@/lib/api/support/schemas";
import { serializeTicket } from "@/lib/api/support/serialize";
import type { Actor } from "@/lib/domain/actor";
import { ValidationError } from "@/lib/domain/errors";
import type { TicketRow } from "@/lib/domain/tickets/ticket-select";
import { listTicketParties } from "@/lib/domain/tickets/list-ticket-parties";
import { listTickets, ticketSortKeys } from "@/lib/domain/tickets/list-tickets";
import { ticketStats } from "@/lib/domain/tickets/ticket-stats";
import { countTickets, type BoundedCount } from "@/lib/domain/tickets/count-tickets";
import type { ApiTicket } from "@/components/types";

export { lastValues } from "@/lib/api/query";

export interface QueueRow {
  ticket: ApiTicket;
  requester: { name: string; email: string } | null;
  company: string | null;
}

/** The view's total: exact up to 1,000, then capped (GET support/tickets/count/). */
export type QueueTotal = BoundedCount;

export type QueueData =
  | { ok: true; rows: QueueRow[]; next: string | null; prev: string | null; total: QueueTotal }
  | { ok: false; errors: Record<string, string[]> };

export type Stats = Awaited<ReturnType<typeof ticketStats>>;

/**
 * One page of the agent queue, exactly as GET /api/v1/support/tickets/ computes it (same
 * schema, same domain function, same listPage and so the same cursors), plus the requester
 * names the API only gives as ids.
 */
export async function loadQueue(actor: Actor, params: Record<string, string>): Promise<QueueData> {
  let page, total;
  try {
    const q = parseQueryParams(params, ticketListQuerySchema);
    const filter = toTicketFilter(q);
    [page, total] = await Promise.all([
      listPage(new URL(`http://queue/?${new URLSearchParams(params)}`), {
        name: "support.tickets",
        keys: ticketSortKeys(ticketOrdering(q.ordering)),
        load: (p) => listTickets(actor, filter, p),
        serialize: (t: TicketRow) => t,
      }),
      countTickets(actor, filter),
    ]);
  } catch (e) {
    if (e instanceof ValidationError) return { ok: false, errors: e.renamed(SUPPORT_FIELD_NAMES).fields };
    if (e instanceof InvalidCursorError) return { ok: false, errors: { cursor: [e.message] } };
    throw e;
  }
  const parties = await listTicketParties(actor, page.results.map((t) => t.id));
  return {
    ok: true,
    rows: page.results.map((t) => {
      const p = parties.get(t.id);
      const who = p?.requester ?? p?.contact ?? null;
      return {
        ticket: serializeTicket(t, actor),
        requester: who ? { name: who.name, email: who.email } : null,
        company: p?.contact?.company ?? null,
      };
    }),
    next: cursorOf(page.next),
    prev: cursorOf(page.previous),
    total,
  };
}

export async function loadStats(actor: Actor): Promise<Stats> {
  return ticketStats(actor);
}
