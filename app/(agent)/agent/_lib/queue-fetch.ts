import { api } from "@/lib/api-client/client";
import { ApiError } from "@/lib/api-client/errors";
import { cursorOf } from "@/lib/api-client/reads";
import type { paths } from "@/lib/api-client/schema";
import type { QueueData, Stats } from "./queue-data";

type TicketQuery = NonNullable<paths["/api/v1/support/tickets/"]["get"]["parameters"]["query"]>;

/**
 * The agent queue as the browser polls it: the same list, stats and names the server page
 * rendered, through the REST API (GET support/tickets/ with the page's own query string,
 * its count, tickets/stats/, support/ticket-parties/). Invalid filters come back as the API's field errors.
 */
export async function fetchQueue(search: string): Promise<{ queue: QueueData; stats: Stats }> {
  // The query string is the page's URL, typed by a person: the API validates it.
  const query = Object.fromEntries(new URLSearchParams(search)) as TicketQuery;
  const badFilters = (e: unknown) => {
    if (e instanceof ApiError && e.status === 400) return e;
    throw e;
  };
  const [list, count, stats] = await Promise.all([
    api.GET("/api/v1/support/tickets/", { query }).catch(badFilters),
    api.GET("/api/v1/support/tickets/count/", { query }).catch(badFilters),
    api.GET("/api/v1/tickets/stats/"),
  ]);
  if (list instanceof ApiError) return { queue: { ok: false, errors: list.fields }, stats: stats.data };
  if (count instanceof ApiError) return { queue: { ok: false, errors: count.fields }, stats: stats.data };
  const tickets = list.data.results;
  const parties = tickets.length
    ? (await api.GET("/api/v1/support/ticket-parties/", { query: { tickets: tickets.map((t) => t.id).join(",") } })).data.results
    : [];
  const byTicket = new Map(parties.map((p) => [p.ticket, p]));
  return {
    queue: {
      ok: true,
      rows: tickets.map((ticket) => {
        const p = byTicket.get(ticket.id);
        const who = p?.requester ?? p?.contact ?? null;
        return { ticket, requester: who ? { name: who.name, email: who.email } : null, company: p?.contact?.company ?? null };
      }),
      next: cursorOf(list.data.next),
      prev: cursorOf(list.data.previous),
      total: count.data,
    },
    stats: stats.data,
  };
}
