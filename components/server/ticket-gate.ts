import { notFound, redirect } from "next/navigation";

/**
 * The answer to opening a ticket page, given what openTicketPage decided: a redirect to the
 * ticket a duplicate was merged into, a 404, or the ticket's id. The ticket layouts call it
 * before their page's loading.tsx boundary so the status code is real; the pages call it
 * again on the same (request-cached) decision.
 */
export function gateTicket(opened: { id: string | null; mergedInto: string | null }, base: string): string {
  if (opened.mergedInto) redirect(`${base}${opened.mergedInto}/`);
  if (!opened.id) notFound();
  return opened.id;
}
