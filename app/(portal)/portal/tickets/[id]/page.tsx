import type { Metadata } from "next";
import { gateTicket } from "@/components/server/ticket-gate";
import { openPortalTicket } from "../../_lib/open-portal-ticket";
import { loadPortalThread } from "../../_lib/portal-data";
import { PortalThreadView } from "./portal-thread";

export const metadata: Metadata = { title: "Ticket" };
export const dynamic = "force-dynamic";

/**
 * A customer's ticket. Another customer's ticket is a plain 404 (the domain scopes every read,
 * so it is indistinguishable from one that does not exist). Viewing marks it read.
 */
export default async function PortalTicketPage({ params, searchParams }: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ created?: string }>;
}) {
  const { id: raw } = await params;
  // layout.tsx has already answered 404 or redirected; this is the same (cached) decision.
  const opened = await openPortalTicket(raw);
  const id = gateTicket(opened, "/portal/tickets/");
  const actor = opened.actor;
  const thread = await loadPortalThread(actor, id);
  const created = (await searchParams).created === "1";
  return <PortalThreadView initial={thread} renderedAt={Date.now()} selfId={actor.id} created={created} />;
}
