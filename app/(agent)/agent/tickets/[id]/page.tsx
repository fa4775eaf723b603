import type { Metadata } from "next";
import { gateTicket } from "@/components/server/ticket-gate";
import { openAgentTicket } from "../../_lib/open-agent-ticket";
import { listAgents } from "@/lib/domain/users/list-agents";
import { loadTicketView } from "../../_lib/ticket-data";
import { TicketWorkspace } from "./ticket-workspace";

export const metadata: Metadata = { title: "Ticket" };
export const dynamic = "force-dynamic";

/**
 * The agent's ticket view. Opening a thread marks it read, exactly as POST mark-read/ would:
 * the unread counter is cleared on the server before rendering, which also works without
 * JavaScript. Queue links do not prefetch, so only a real visit marks a ticket read.
 * layout.tsx decides 404 and merge redirects first, so loading.tsx can show a skeleton.
 */
export default async function AgentTicketPage({ params }: { params: Promise<{ id: string }> }) {
  const { id: raw } = await params;
  // The layout has already answered 404 or redirected; this is the same (cached) decision.
  const opened = await openAgentTicket(raw);
  const id = gateTicket(opened, "/agent/tickets/");
  const actor = opened.actor;
  const [view, agents] = await Promise.all([loadTicketView(actor, id), listAgents(actor)]);
  return (
    <TicketWorkspace initial={view} renderedAt={Date.now()} agents={agents}
      self={{ id: actor.id, name: actor.name || actor.email, email: actor.email }} />
  );
}
