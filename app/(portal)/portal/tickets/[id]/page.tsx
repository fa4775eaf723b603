import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { isUuid } from "@/lib/domain/ids";
import { mergedTargetFor } from "@/lib/domain/tickets/merged-target";
import { requireCustomerPage } from "../../_lib/require-customer";
import { openTicketThread } from "@/lib/domain/tickets/open-ticket-thread";
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
  const actor = await requireCustomerPage(`/portal/tickets/${raw}/`);
  // A merged duplicate opens the ticket it was merged into (when the actor may see that one).
  const mergedInto = isUuid(raw) ? await mergedTargetFor(actor, raw.toLowerCase()) : null;
  if (mergedInto) redirect(`/portal/tickets/${mergedInto}/`);
  const id = await openTicketThread(actor, raw);
  if (!id) notFound();
  const thread = await loadPortalThread(actor, id);
  const created = (await searchParams).created === "1";
  return <PortalThreadView initial={thread} renderedAt={Date.now()} selfId={actor.id} created={created} />;
}
