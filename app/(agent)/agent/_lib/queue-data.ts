import { decodeCursor, encodeCursor } from "@/lib/api/cursor";
import { rejectNullCharacters } from "@/lib/api/handler";
import { pageSize } from "@/lib/api/pagination";
import { serializeTicket } from "@/lib/api/serializers/support";
import type { Actor } from "@/lib/domain/actor";
import { ValidationError } from "@/lib/domain/errors";
import { listTicketParties } from "@/lib/domain/tickets/list-ticket-parties";
import { listTickets, ticketSortKeys } from "@/lib/domain/tickets/list-tickets";
import { ticketStats } from "@/lib/domain/tickets/ticket-stats";
import { ticketListQuerySchema } from "@/lib/schemas/support";
import type { ApiTicket } from "@/components/types";
import { zodFieldErrors } from "@/components/zod-errors";

export interface QueueRow {
  ticket: ApiTicket;
  requester: { name: string; email: string } | null;
  company: string | null;
}

export type QueueData =
  | { ok: true; rows: QueueRow[]; next: string | null; prev: string | null }
  | { ok: false; errors: Record<string, string[]> };

export type Stats = Awaited<ReturnType<typeof ticketStats>>;

/** Query-string parameters as the API reads them (Django's QueryDict.get keeps the last value). */
export function lastValues(params: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(params)) {
    const last = Array.isArray(v) ? v[v.length - 1] : v;
    if (last !== undefined && last !== "") out[k] = last;
  }
  return out;
}

/**
 * One page of the agent queue, exactly as GET /api/v1/support/tickets/ computes it (same
 * schema, same domain function, same cursor scope, so a cursor from either works in both),
 * plus the requester names the API only gives as ids.
 */
export async function loadQueue(actor: Actor, params: Record<string, string>): Promise<QueueData> {
  const parsed = ticketListQuerySchema.safeParse(params);
  if (!parsed.success) return { ok: false, errors: zodFieldErrors(parsed.error) };
  const q = parsed.data;
  const keys = ticketSortKeys(q.ordering);
  const scope = `support.tickets:${keys.map((k) => `${k.dir === "desc" ? "-" : ""}${k.field}`).join(",")}`;
  let pos;
  try {
    // Text the API refuses in a query string (NUL, lone surrogates) is refused here alike.
    rejectNullCharacters(params);
    pos = decodeCursor(q.cursor, scope, keys);
  } catch (e) {
    if (e instanceof ValidationError) return { ok: false, errors: e.fields };
    throw e;
  }
  const page = await listTickets(actor, q, pos, pageSize(q.page_size), keys);
  const parties = await listTicketParties(actor, page.rows.map((t) => t.id));
  return {
    ok: true,
    rows: page.rows.map((t) => {
      const p = parties.get(t.id);
      const who = p?.requester ?? p?.contact ?? null;
      return {
        ticket: serializeTicket(t, actor),
        requester: who ? { name: who.name, email: who.email } : null,
        company: p?.contact?.company ?? null,
      };
    }),
    next: page.next ? encodeCursor(page.next, scope) : null,
    prev: page.prev ? encodeCursor(page.prev, scope) : null,
  };
}

export async function loadStats(actor: Actor): Promise<Stats> {
  return ticketStats(actor);
}
