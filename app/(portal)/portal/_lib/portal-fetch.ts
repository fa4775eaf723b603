import { api } from "@/lib/api-client/client";
import { ApiError } from "@/lib/api-client/errors";
import { cursorOf, fetchThreadMessages } from "@/lib/api-client/reads";
import type { MyTickets, PortalThread } from "./portal-data";

const PAGE_SIZE = 20;

/** The customer's tickets as the browser polls them (GET support/tickets/, newest activity first). */
export async function fetchMyTickets(cursor?: string): Promise<MyTickets> {
  const list = await api
    .GET("/api/v1/support/tickets/", { query: { page_size: PAGE_SIZE, ...(cursor ? { cursor } : {}) } })
    // A mangled cursor in the page's URL just shows page one, as the server render does.
    .catch((e: unknown) => {
      if (cursor && e instanceof ApiError && e.status === 400) return api.GET("/api/v1/support/tickets/", { query: { page_size: PAGE_SIZE } });
      throw e;
    });
  return { tickets: list.data.results, next: cursorOf(list.data.next), prev: cursorOf(list.data.previous) };
}

/** One ticket and its public thread, as its customer sees them through the API. */
export async function fetchPortalThread(id: string): Promise<PortalThread> {
  const [ticket, messages] = await Promise.all([api.GET("/api/v1/support/tickets/{id}/", { path: { id } }), fetchThreadMessages(id)]);
  return { ticket: ticket.data, messages };
}
