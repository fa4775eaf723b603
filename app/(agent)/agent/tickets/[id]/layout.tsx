import { gateTicket } from "@/components/server/ticket-gate";
import { openAgentTicket } from "../../_lib/open-agent-ticket";

/**
 * Decides the status code before anything streams: 404 for a ticket the agent cannot see, a
 * redirect for a merged duplicate. The page below renders behind loading.tsx.
 */
export default async function AgentTicketLayout({ children, params }: { children: React.ReactNode; params: Promise<{ id: string }> }) {
  gateTicket(await openAgentTicket((await params).id), "/agent/tickets/");
  return children;
}
