import { gateTicket } from "@/components/server/ticket-gate";
import { openPortalTicket } from "../../_lib/open-portal-ticket";

/** 404 or the merge redirect before anything streams; the thread renders behind loading.tsx. */
export default async function PortalTicketLayout({ children, params }: { children: React.ReactNode; params: Promise<{ id: string }> }) {
  gateTicket(await openPortalTicket((await params).id), "/portal/tickets/");
  return children;
}
