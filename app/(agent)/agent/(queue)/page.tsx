import type { Metadata } from "next";
import { cookies } from "next/headers";
import { requireAgentPage } from "../_lib/require-agent";
import { listAgents } from "@/lib/domain/users/list-agents";
import { FilterBar } from "../filter-bar";
import { VIEWS } from "../views";
import { QueueView } from "../queue-view";
import { lastValues, loadQueue, loadStats } from "../_lib/queue-data";
import { parseQueueLayout, QUEUE_LAYOUT_COOKIE } from "../_lib/queue-layout";
import { QueueLayoutProvider } from "../queue-layout";

export const metadata: Metadata = { title: "Queue" };
export const dynamic = "force-dynamic";

function viewTitle(params: Record<string, string>): string {
  const own = new URLSearchParams(Object.entries(params).filter(([k]) => k !== "cursor"));
  own.sort();
  const match = VIEWS.find((v) => {
    const q = new URLSearchParams(v.query);
    q.sort();
    return q.toString() === own.toString();
  });
  return match ? match.label : "Filtered tickets";
}

/**
 * The agent queue. Filters live in the URL; the server renders the first page from the same
 * domain function as GET /api/v1/support/tickets/ (no client waterfall), then the client
 * polls it.
 */
export default async function QueuePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireAgentPage("/agent/");
  const params = lastValues(await searchParams, { dropEmpty: true });
  const search = new URLSearchParams(params).toString();
  const [queue, stats, agents, jar] = await Promise.all([loadQueue(actor, params), loadStats(actor), listAgents(actor), cookies()]);
  const layout = parseQueueLayout(jar.get(QUEUE_LAYOUT_COOKIE)?.value, actor.id);
  return (
    <QueueLayoutProvider initial={layout} userId={actor.id}>
      <main>
        <QueueView title={viewTitle(params)} search={search} renderedAt={Date.now()} initial={{ queue, stats }} agents={agents} selfId={actor.id} canShare={actor.teamId != null}
          filterBar={<FilterBar agents={agents} errors={queue.ok ? {} : queue.errors} />} />
      </main>
    </QueueLayoutProvider>
  );
}
