import { db } from "@/lib/db/client";
import type { Actor } from "../actor";
import { ValidationError } from "../errors";
import { assertCan } from "../policy";
import { OPEN_STATUSES } from "../tickets/constants";
import { businessMinutesBetween } from "./business-time";
import { loadSlaPolicies } from "./load-policies";
import { builtInDefaultPolicy } from "./policies";

/** "week" (Monday, UTC) is for the workspace chart; the API offers the other four. */
export type SlaReportGroup = "policy" | "team" | "agent" | "priority" | "week";

function weekOf(d: Date): string {
  const day = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  day.setUTCDate(day.getUTCDate() - ((day.getUTCDay() + 6) % 7));
  return day.toISOString().slice(0, 10);
}

export interface SlaReportRow {
  key: string | null;
  label: string;
  tickets: number;
  met: number;
  breached: number;
  /** Per cent of tickets not breached, one decimal; null without tickets. */
  percentMet: number | null;
  /** Business minutes from creation to the first agent reply (answered tickets). */
  firstResponse: { median: number | null; p90: number | null };
  /** Business minutes the resolution clock ran (resolved and closed tickets). */
  resolution: { median: number | null; p90: number | null };
}

const MAX_DAYS = 366;

/** Nearest-rank percentile of sorted values (p in 0..100), rounded to whole minutes. */
export function percentile(sorted: number[], p: number): number | null {
  if (!sorted.length) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return Math.round(sorted[rank - 1]);
}

/**
 * SLA results of the tickets created in [from, to] (whole days, UTC), grouped. A ticket is
 * breached when one of its clocks was announced breached (lib/sla/alert-worker.ts) or it is
 * open past its sla_due_at now; met otherwise. Agents only.
 */
export async function slaReport(actor: Actor, q: { from: Date; to: Date; groupBy: SlaReportGroup }, now = new Date()): Promise<SlaReportRow[]> {
  assertCan(actor, "sla-policy:read");
  const end = new Date(q.to.getTime() + 86_400_000);
  if (end <= q.from) throw ValidationError.field("to", "Must not be before from.");
  if (end.getTime() - q.from.getTime() > MAX_DAYS * 86_400_000) throw ValidationError.field("to", `At most ${MAX_DAYS} days.`);
  const prisma = await db();
  const [tickets, policies] = await Promise.all([
    prisma.ticket.findMany({
      where: { createdAt: { gte: q.from, lt: end } },
      select: {
        id: true, status: true, priority: true, slaPolicyId: true, assignedTeamId: true, assignedToId: true,
        createdAt: true, firstResponseAt: true, slaDueAt: true, slaResolutionElapsed: true,
        assignedTeam: { select: { name: true } }, assignedTo: { select: { name: true, email: true } },
        slaAlerts: { where: { kind: "breached" }, select: { id: true }, take: 1 },
      },
    }),
    loadSlaPolicies(prisma),
  ]);
  const byId = new Map(policies.filter((p) => p.id).map((p) => [p.id!, p]));
  const fallback = builtInDefaultPolicy();
  const groups = new Map<string, { key: string | null; label: string; rows: typeof tickets }>();
  for (const t of tickets) {
    const [key, label] =
      q.groupBy === "week" ? [weekOf(t.createdAt), `Week of ${weekOf(t.createdAt)}`]
      : q.groupBy === "priority" ? [t.priority, t.priority]
      : q.groupBy === "team" ? [t.assignedTeamId, t.assignedTeam?.name ?? "No team"]
      : q.groupBy === "agent" ? [t.assignedToId, t.assignedTo ? t.assignedTo.name || t.assignedTo.email : "Unassigned"]
      : [t.slaPolicyId, (t.slaPolicyId && byId.get(t.slaPolicyId)?.name) || "Default"];
    const g = groups.get(String(key)) ?? { key, label, rows: [] };
    g.rows.push(t);
    groups.set(String(key), g);
  }
  const open = new Set<string>(OPEN_STATUSES);
  return [...groups.values()]
    .map((g) => {
      const breached = g.rows.filter((t) => t.slaAlerts.length > 0 || (open.has(t.status) && t.slaDueAt != null && t.slaDueAt < now)).length;
      const fr = g.rows
        .filter((t) => t.firstResponseAt)
        .map((t) => businessMinutesBetween(t.createdAt, t.firstResponseAt!, (t.slaPolicyId && byId.get(t.slaPolicyId)?.calendar) || fallback.calendar))
        .sort((a, b) => a - b);
      const res = g.rows.filter((t) => !open.has(t.status)).map((t) => t.slaResolutionElapsed).sort((a, b) => a - b);
      return {
        key: g.key,
        label: g.label,
        tickets: g.rows.length,
        met: g.rows.length - breached,
        breached,
        percentMet: g.rows.length ? Math.round(((g.rows.length - breached) / g.rows.length) * 1000) / 10 : null,
        firstResponse: { median: percentile(fr, 50), p90: percentile(fr, 90) },
        resolution: { median: percentile(res, 50), p90: percentile(res, 90) },
      };
    })
    .sort((a, b) => (q.groupBy === "week" ? a.label.localeCompare(b.label) : b.tickets - a.tickets || a.label.localeCompare(b.label)));
}
