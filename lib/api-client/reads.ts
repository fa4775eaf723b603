import { api } from "./client";

/** The opaque cursor of a DRF `next` / `previous` URL (pages link to it in their own URLs). */
export function cursorOf(url: string | null): string | null {
  if (!url) return null;
  return new URL(url, "http://x").searchParams.get("cursor");
}

const THREAD_PAGE = 100;
const THREAD_MAX_PAGES = 20;

/** A whole thread in time order, as the caller may see it, following the API's cursor pages. */
export async function fetchThreadMessages(ticketId: string) {
  const { data: first } = await api.GET("/api/v1/support/messages/", { query: { ticket: ticketId, page_size: THREAD_PAGE } });
  const out = [...first.results];
  let next = cursorOf(first.next);
  for (let i = 1; next && i < THREAD_MAX_PAGES; i++) {
    const { data } = await api.GET("/api/v1/support/messages/", { query: { ticket: ticketId, page_size: THREAD_PAGE, cursor: next } });
    out.push(...data.results);
    next = cursorOf(data.next);
  }
  return out;
}
