import Link from "next/link";
import { priorityLabel, statusLabel } from "@/components/badges";
import { OPEN_STATUSES, PRIORITIES, STATUSES } from "@/lib/schemas/common";
import type { Stats } from "./_lib/queue-data";

const STATUS_DOT: Record<string, string> = { new: "bg-sky-500", assigned: "bg-indigo-500", in_progress: "bg-violet-500", pending: "bg-amber-500", resolved: "bg-emerald-500", closed: "bg-slate-300" };

/**
 * Counts over every ticket the agent may see, as one strip above the queue (hideable from the
 * header); each headline figure links to the view it counts.
 */
export function StatsPanel({ stats }: { stats: Stats }) {
  const open = OPEN_STATUSES.reduce((n, s) => n + stats.by_status[s], 0);
  const cards = [
    { label: "Open", value: open, hint: "new, assigned, in progress, pending", href: "/agent/", tone: "text-slate-900" },
    { label: "My open", value: stats.my_open_tickets, hint: "assigned to you", href: "/agent/?assigned_to=me", tone: "text-slate-900" },
    { label: "Unassigned", value: stats.unassigned, hint: "waiting for an owner", href: "/agent/?assigned_to=none", tone: "text-slate-900" },
    { label: "SLA overdue", value: stats.overdue, hint: stats.overdue ? "past due and still open" : "all within SLA", href: "/agent/?sla_overdue=true&ordering=-sla_due_at", tone: stats.overdue ? "text-red-700" : "text-slate-900" },
  ];
  return (
    <section aria-labelledby="stats-title" data-testid="stats-panel" title={`${stats.total} tickets in total`} className="flex flex-wrap items-center gap-x-3 gap-y-1 border-b border-slate-200 bg-white px-6 py-1.5 text-xs">
      <h2 id="stats-title" className="sr-only">Ticket statistics</h2>
      {cards.map((c) => (
        <Link key={c.label} href={c.href} title={c.hint} data-testid={`stat-${c.label.toLowerCase().replace(/\s+/g, "-")}`}
          className="inline-flex items-baseline gap-1.5 rounded px-1 py-0.5 hover:bg-slate-100">
          <span className="font-medium text-slate-600">{c.label}</span>
          <span className={`text-sm font-semibold tabular-nums ${c.tone}`}>{c.value}</span>
        </Link>
      ))}
      <div className="ml-auto flex flex-wrap items-center gap-x-3 gap-y-0.5">
        <dl aria-label="By status" className="flex flex-wrap gap-x-2">
          {STATUSES.map((s) => (
            <div key={s} className="flex items-center gap-1">
              <span aria-hidden="true" className={`h-2 w-2 rounded-full ${STATUS_DOT[s]}`} />
              <dt className="text-slate-600">{statusLabel(s)}</dt>
              <dd className="font-medium tabular-nums text-slate-800">{stats.by_status[s]}</dd>
            </div>
          ))}
        </dl>
        <dl aria-label="By priority" className="flex flex-wrap gap-x-2 border-l border-slate-200 pl-3">
          {[...PRIORITIES].reverse().map((p) => (
            <div key={p} className="flex gap-1">
              <dt className="text-slate-600">{priorityLabel(p)}</dt>
              <dd className="font-medium tabular-nums text-slate-800">{stats.by_priority[p]}</dd>
            </div>
          ))}
        </dl>
      </div>
    </section>
  );
}
