import type { Metadata } from "next";
import { requireAgentPage } from "./_lib/require-agent";
import { listAgents } from "@/lib/domain/users/list-agents";
import { FilterBar } from "./filter-bar";
import { VIEWS } from "./views";
import { QueueView } from "./queue-view";
import { lastValues, loadQueue, loadStats } from "./_lib/queue-data";

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
  const [queue, stats, agents] = await Promise.all([loadQueue(actor, params), loadStats(actor), listAgents(actor)]);
  return (
    <main>
      <header className="flex items-center justify-between gap-4 border-b border-slate-200 bg-white px-6 py-4">
        <div>
          <h1 className="text-lg font-semibold tracking-tight text-slate-900">{viewTitle(params)}</h1>
          <p className="text-xs text-slate-500">{queue.ok ? `${queue.rows.length}${queue.next ? "+" : ""} tickets on this page` : "Check the filters below"}</p>
        </div>
        <span className="hidden text-xs text-slate-500 md:block">
          <kbd className="rounded border border-slate-300 bg-slate-50 px-1 font-sans">j</kbd>{" "}
          <kbd className="rounded border border-slate-300 bg-slate-50 px-1 font-sans">k</kbd> move ·{" "}
          <kbd className="rounded border border-slate-300 bg-slate-50 px-1 font-sans">/</kbd> search
        </span>
      </header>
      <FilterBar agents={agents} errors={queue.ok ? {} : queue.errors} />
      <QueueView key={search} search={search} renderedAt={Date.now()} initial={{ queue, stats }} agents={agents} selfId={actor.id} />
    </main>
  );
}
