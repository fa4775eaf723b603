import { cache } from "react";
import { openTicketPage } from "@/lib/domain/tickets/open-ticket-thread";
import { requireCustomerPage } from "./require-customer";

/** Opening /portal/tickets/{raw}/, decided once per request for the layout and the page. */
export const openPortalTicket = cache(async (raw: string) => {
  const actor = await requireCustomerPage(`/portal/tickets/${raw}/`);
  return { actor, ...(await openTicketPage(actor, raw)) };
});
