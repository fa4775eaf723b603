/**
 * Which SLA announcements are due for one ticket, and when to look at it next. Pure: the
 * worker (lib/sla/alert-worker.ts) reads the ticket under its lock and applies this.
 *
 *   for each running clock with due time D and warning lead W (minutes):
 *     now >= D            -> "breached" (once per clock and D)
 *     D - W <= now < D    -> "warning"  (once per clock and D; not after a breach)
 *   next look: the earliest D - W or D still to be announced, after now
 */

export const CLOCKS = ["first_response", "next_response", "resolution"] as const;
export type ClockName = (typeof CLOCKS)[number];
export type AlertKind = "warning" | "breached";

export interface Alert {
  clock: ClockName;
  kind: AlertKind;
  dueAt: Date;
}

const key = (a: Alert) => `${a.clock}|${a.kind}|${a.dueAt.getTime()}`;

export function dueAlerts(
  clocks: Partial<Record<ClockName, Date | null>>,
  warnBeforeMinutes: number,
  announced: Alert[],
  now: Date,
): { alerts: Alert[]; nextAt: Date | null } {
  const done = new Set(announced.map(key));
  const alerts: Alert[] = [];
  let next: number | null = null;
  const later = (t: number) => {
    if (t > now.getTime() && (next == null || t < next)) next = t;
  };
  for (const clock of CLOCKS) {
    const due = clocks[clock];
    if (!due) continue;
    const breach: Alert = { clock, kind: "breached", dueAt: due };
    const warning: Alert = { clock, kind: "warning", dueAt: due };
    const warnAt = due.getTime() - warnBeforeMinutes * 60_000;
    if (now >= due) {
      if (!done.has(key(breach))) alerts.push(breach);
      continue;
    }
    if (now.getTime() >= warnAt) {
      if (!done.has(key(warning)) && warnBeforeMinutes > 0) alerts.push(warning);
    } else {
      later(warnAt);
    }
    later(due.getTime());
  }
  return { alerts, nextAt: next == null ? null : new Date(next) };
}
