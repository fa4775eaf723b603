import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { isUuid } from "@/lib/domain/ids";
import { mergedTargetFor } from "@/lib/domain/tickets/merged-target";
import { requireAgentPage } from "../../_lib/require-agent";
import { openTicketThread } from "@/lib/domain/tickets/open-ticket-thread";
import { listAgents } from "@/lib/domain/users/list-agents";
import { loadTicketView } from "../../_lib/ticket-data";
import { TicketWorkspace } from "./ticket-workspace";

export const metadata: Metadata = { title: "Ticket" };
export const dynamic = "force-dynamic";

/**
 * The agent's ticket view. Opening a thread marks it read, exactly as POST mark-read/ would:
 * the unread counter is cleared on the server before rendering, which also works without
 * JavaScript. Queue links do not prefetch, so only a real visit marks a ticket read.
 */
export default async function AgentTicketPage({ params }: { params: Promise<{ id: string }> }) {
  const { id: raw } = await params;
  const actor = await requireAgentPage(`/agent/tickets/${raw}/`);
  // A merged duplicate opens the ticket it was merged into (when the actor may see that one).
  const mergedInto = isUuid(raw) ? await mergedTargetFor(actor, raw.toLowerCase()) : null;
  if (mergedInto) redirect(`/agent/tickets/${mergedInto}/`);
  const id = await openTicketThread(actor, raw);
  if (!id) notFound();
  const [view, agents] = await Promise.all([loadTicketView(actor, id), listAgents(actor)]);
  return (
    <TicketWorkspace initial={view} renderedAt={Date.now()} agents={agents}
      self={{ id: actor.id, name: actor.name || actor.email, email: actor.email }} />
  );
}
