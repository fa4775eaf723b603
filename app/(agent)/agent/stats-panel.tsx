import Link from "next/link";
import { priorityLabel, statusLabel } from "@/components/badges";
import { OPEN_STATUSES, PRIORITIES, STATUSES } from "@/lib/schemas/common";
import type { Stats } from "./_lib/queue-data";

/** Counts over every ticket the agent may see; each figure links to the view it counts. */
export function StatsPanel({ stats }: { stats: Stats }) {
  const open = OPEN_STATUSES.reduce((n, s) => n + stats.by_status[s], 0);
  const cards = [
    { label: "Open", value: open, hint: "new, assigned, in progress, pending", href: "/agent/", tone: "text-slate-900" },
    { label: "My open", value: stats.my_open_tickets, hint: "assigned to you", href: "/agent/?assigned_to=me", tone: "text-slate-900" },
    { label: "Unassigned", value: stats.unassigned, hint: "waiting for an owner", href: "/agent/?assigned_to=none", tone: "text-slate-900" },
    { label: "SLA overdue", value: stats.overdue, hint: stats.overdue ? "past due and still open" : "all within SLA", href: "/agent/?sla_overdue=true&ordering=-sla_due_at", tone: stats.overdue ? "text-red-700" : "text-slate-900" },
  ];
  const total = Math.max(1, stats.total);
  const STATUS_BAR: Record<string, string> = { new: "bg-sky-500", assigned: "bg-indigo-500", in_progress: "bg-violet-500", pending: "bg-amber-500", resolved: "bg-emerald-500", closed: "bg-slate-300" };
  return (
    <section aria-labelledby="stats-title" className="px-6 pt-5 pb-2">
      <h2 id="stats-title" className="sr-only">Ticket statistics</h2>
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4 xl:grid-cols-[repeat(4,minmax(0,1fr))_minmax(0,2.2fr)]">
        {cards.map((c) => (
          <Link key={c.label} href={c.href} data-testid={`stat-${c.label.toLowerCase().replace(/\s+/g, "-")}`}
            className="rounded-xl border border-slate-200 bg-white px-4 py-3 shadow-[0_1px_2px_rgba(15,23,42,0.04)] hover:border-slate-300">
            <p className="text-xs font-medium text-slate-500">{c.label}</p>
            <p className={`mt-0.5 text-2xl font-semibold tabular-nums tracking-tight ${c.tone}`}>{c.value}</p>
            <p className="mt-0.5 truncate text-xs text-slate-500">{c.hint}</p>
          </Link>
        ))}
        <div className="rounded-xl border border-slate-200 bg-white px-4 py-3 sm:col-span-2 lg:col-span-4 xl:col-span-1">
          <p className="flex justify-between text-xs font-medium text-slate-500"><span>By status</span><span className="tabular-nums">{stats.total} total</span></p>
          <div aria-hidden="true" className="mt-2 flex h-2 overflow-hidden rounded-full bg-slate-100">
            {STATUSES.map((s) => stats.by_status[s] ? <div key={s} className={STATUS_BAR[s]} style={{ width: `${(stats.by_status[s] / total) * 100}%` }} /> : null)}
          </div>
          <dl className="mt-2 flex flex-wrap gap-x-3 gap-y-0.5 text-xs">
            {STATUSES.map((s) => (
              <div key={s} className="flex items-center gap-1">
                <span aria-hidden="true" className={`h-2 w-2 rounded-full ${STATUS_BAR[s]}`} />
                <dt className="text-slate-500">{statusLabel(s)}</dt>
                <dd className="font-medium tabular-nums text-slate-800">{stats.by_status[s]}</dd>
              </div>
            ))}
          </dl>
          <dl aria-label="By priority" className="mt-1.5 flex flex-wrap gap-x-3 text-xs">
            {[...PRIORITIES].reverse().map((p) => (
              <div key={p} className="flex gap-1">
                <dt className="text-slate-500">{priorityLabel(p)}</dt>
                <dd className="font-medium tabular-nums text-slate-800">{stats.by_priority[p]}</dd>
              </div>
            ))}
          </dl>
        </div>
      </div>
    </section>
  );
}
