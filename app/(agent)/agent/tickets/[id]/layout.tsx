import { notFound, redirect } from "next/navigation";
import { openAgentTicket } from "../../_lib/open-agent-ticket";

/**
 * Decides the ticket's status code before anything streams: 404 for a ticket the agent cannot
 * see, a redirect for a merged duplicate. The page below renders behind loading.tsx.
 */
export default async function AgentTicketLayout({ children, params }: { children: React.ReactNode; params: Promise<{ id: string }> }) {
  const { id: raw } = await params;
  const opened = await openAgentTicket(raw);
  if (opened.mergedInto) redirect(`/agent/tickets/${opened.mergedInto}/`);
  if (!opened.id) notFound();
  return children;
}
