"use client";

import { formatDuration } from "./time/format";
import { formatFull } from "./time/format";
import { useTime } from "./time/time-context";

const OPEN = new Set(["new", "assigned", "in_progress", "pending"]);

/**
 * Live countdown to sla_due_at, or how long it has been breached. Closed tickets show no
 * clock: a resolved ticket cannot breach any more (same rule as the sla_overdue filter).
 * A paused ticket (pending: waiting on the customer) says so; its clocks resume on the
 * customer's next message.
 */
export function SlaCountdown({ due, status, paused = false, compact = false }: { due: string | null; status: string; paused?: boolean; compact?: boolean }) {
  const { now, tz } = useTime();
  if (paused && OPEN.has(status)) {
    return (
      <span
        data-testid="sla-countdown"
        data-paused="true"
        title="SLA paused while waiting on the customer"
        className="inline-flex items-center gap-1 whitespace-nowrap rounded-md bg-sky-50 px-1.5 py-0.5 text-xs font-medium text-sky-800 ring-1 ring-inset ring-sky-600/20"
      >
        <svg aria-hidden="true" viewBox="0 0 16 16" className="h-3 w-3" fill="currentColor">
          <rect x="4" y="3.5" width="2.5" height="9" rx="0.75" />
          <rect x="9.5" y="3.5" width="2.5" height="9" rx="0.75" />
        </svg>
        Paused
      </span>
    );
  }
  if (!due) return <span className="text-xs text-slate-500">No SLA</span>;
  // A closed ticket's clock has stopped.
  if (!OPEN.has(status)) return <span className="text-xs text-slate-500" title="Ticket is resolved or closed">—</span>;
  const left = new Date(due).getTime() - (now || Date.now());
  const overdue = left < 0;
  const soon = !overdue && left < 2 * 3_600_000;
  const tone = overdue
    ? "bg-red-50 text-red-700 ring-red-600/20"
    : soon
      ? "bg-amber-50 text-amber-800 ring-amber-600/20"
      : "bg-slate-50 text-slate-600 ring-slate-500/15";
  const text = overdue ? `Overdue ${formatDuration(left)}` : `${formatDuration(left)} left`;
  return (
    <span
      data-testid="sla-countdown"
      title={`SLA due ${formatFull(due, tz)}`}
      suppressHydrationWarning
      className={`inline-flex items-center gap-1 whitespace-nowrap rounded-md px-1.5 py-0.5 text-xs font-medium tabular-nums ring-1 ring-inset ${tone}`}
    >
      <svg aria-hidden="true" viewBox="0 0 16 16" className="h-3 w-3" fill="none" stroke="currentColor" strokeWidth="1.6">
        <circle cx="8" cy="8" r="6.25" />
        <path d="M8 4.5V8l2.25 1.5" strokeLinecap="round" />
      </svg>
      <span suppressHydrationWarning>{compact && !overdue ? formatDuration(left) : text}</span>
    </span>
  );
}
