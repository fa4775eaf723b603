import type { Metadata } from "next";
import { requireAgentPage } from "../_lib/require-agent";
import { slaReport, type SlaReportGroup, type SlaReportRow } from "@/lib/domain/sla/sla-report";

export const metadata: Metadata = { title: "SLA report" };
export const dynamic = "force-dynamic";

const GROUPS: { value: Exclude<SlaReportGroup, "week">; label: string }[] = [
  { value: "policy", label: "Policy" },
  { value: "team", label: "Team" },
  { value: "agent", label: "Agent" },
  { value: "priority", label: "Priority" },
];
const DAY = 86_400_000;
const isDay = (s: unknown): s is string => typeof s === "string" && /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`));

function minutes(m: number | null): string {
  if (m == null) return "—";
  if (m < 60) return `${m} min`;
  const h = m / 60;
  return h < 48 ? `${h.toFixed(1)} h` : `${(h / 24).toFixed(1)} d`;
}

/** % met per week as small bars (no chart library: an inline SVG). */
function WeeklyChart({ weeks }: { weeks: SlaReportRow[] }) {
  if (!weeks.length) return <p className="text-sm text-slate-500">No tickets in this period.</p>;
  const w = 56;
  const h = 120;
  return (
    <svg role="img" aria-label="Per cent of tickets within SLA per week" viewBox={`0 0 ${weeks.length * w} ${h + 36}`} className="h-44 w-full max-w-3xl">
      {weeks.map((r, i) => {
        const pct = r.percentMet ?? 0;
        const bar = (pct / 100) * h;
        return (
          <g key={r.key ?? i} transform={`translate(${i * w}, 0)`}>
            <rect x={10} y={h - bar + 16} width={w - 20} height={bar} rx={3} className={pct >= 90 ? "fill-emerald-500" : pct >= 70 ? "fill-amber-500" : "fill-red-500"} />
            <text x={w / 2} y={h - bar + 11} textAnchor="middle" className="fill-slate-700 text-[10px]">{r.percentMet == null ? "—" : `${Math.round(pct)}%`}</text>
            <text x={w / 2} y={h + 30} textAnchor="middle" className="fill-slate-500 text-[10px]">{String(r.key).slice(5)}</text>
          </g>
        );
      })}
    </svg>
  );
}

/** The SLA report (same numbers as GET /api/v1/support/sla-report/), with a weekly chart. */
export default async function SlaReportPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireAgentPage("/agent/sla-report/");
  const sp = await searchParams;
  const today = new Date(Math.floor(Date.now() / DAY) * DAY);
  const to = isDay(sp.to) ? sp.to : today.toISOString().slice(0, 10);
  const from = isDay(sp.from) ? sp.from : new Date(Date.parse(`${to}T00:00:00Z`) - 55 * DAY).toISOString().slice(0, 10);
  const groupBy = GROUPS.find((g) => g.value === sp.group_by)?.value ?? "policy";
  const range = { from: new Date(`${from}T00:00:00Z`), to: new Date(`${to}T00:00:00Z`) };
  let rows: SlaReportRow[] = [];
  let weeks: SlaReportRow[] = [];
  let problem: string | null = null;
  try {
    [rows, weeks] = await Promise.all([slaReport(actor, { ...range, groupBy }), slaReport(actor, { ...range, groupBy: "week" })]);
  } catch {
    problem = "Choose a range of at most 366 days, from before to.";
  }
  const input = "rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-800";
  return (
    <main>
      <header className="border-b border-slate-200 bg-white px-6 py-4">
        <h1 className="text-lg font-semibold tracking-tight text-slate-900">SLA report</h1>
        <p className="text-xs text-slate-500">Tickets created in the period; times in business minutes of each ticket&apos;s policy calendar.</p>
      </header>
      <div className="space-y-6 px-6 py-5">
        <form className="flex flex-wrap items-end gap-3" method="get">
          <label className="text-xs font-medium text-slate-600">From<br /><input type="date" name="from" defaultValue={from} className={input} /></label>
          <label className="text-xs font-medium text-slate-600">To<br /><input type="date" name="to" defaultValue={to} className={input} /></label>
          <label className="text-xs font-medium text-slate-600">Group by<br />
            <select name="group_by" defaultValue={groupBy} className={input}>
              {GROUPS.map((g) => <option key={g.value} value={g.value}>{g.label}</option>)}
            </select>
          </label>
          <button type="submit" className="rounded-md bg-slate-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-700">Show</button>
        </form>
        {problem ? <p role="alert" className="text-sm text-red-700">{problem}</p> : (
          <>
            <section className="rounded-xl border border-slate-200 bg-white p-4">
              <h2 className="mb-2 text-sm font-semibold text-slate-900">Within SLA per week</h2>
              <WeeklyChart weeks={weeks} />
            </section>
            <section className="overflow-hidden rounded-xl border border-slate-200 bg-white">
              <table className="w-full text-sm" data-testid="sla-report">
                <thead className="border-b border-slate-200 bg-slate-50/80 text-left text-xs font-medium text-slate-500">
                  <tr>
                    <th scope="col" className="px-4 py-2 font-medium">{GROUPS.find((g) => g.value === groupBy)!.label}</th>
                    <th scope="col" className="py-2 text-right font-medium">Tickets</th>
                    <th scope="col" className="py-2 text-right font-medium">Met</th>
                    <th scope="col" className="py-2 text-right font-medium">Breached</th>
                    <th scope="col" className="py-2 text-right font-medium">% met</th>
                    <th scope="col" className="py-2 text-right font-medium">First response (median / p90)</th>
                    <th scope="col" className="px-4 py-2 text-right font-medium">Resolution (median / p90)</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100 tabular-nums">
                  {rows.length === 0 ? (
                    <tr><td colSpan={7} className="px-4 py-6 text-center text-slate-500">No tickets in this period.</td></tr>
                  ) : rows.map((r) => (
                    <tr key={String(r.key)}>
                      <td className="px-4 py-2 font-medium text-slate-800">{r.label}</td>
                      <td className="py-2 text-right">{r.tickets}</td>
                      <td className="py-2 text-right text-emerald-700">{r.met}</td>
                      <td className={`py-2 text-right ${r.breached ? "text-red-700" : ""}`}>{r.breached}</td>
                      <td className="py-2 text-right">{r.percentMet == null ? "—" : `${r.percentMet}%`}</td>
                      <td className="py-2 text-right">{minutes(r.firstResponse.median)} / {minutes(r.firstResponse.p90)}</td>
                      <td className="px-4 py-2 text-right">{minutes(r.resolution.median)} / {minutes(r.resolution.p90)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          </>
        )}
      </div>
    </main>
  );
}
