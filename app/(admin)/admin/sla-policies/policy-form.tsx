"use client";

import { useState } from "react";
import { api } from "@/lib/api-client/client";
import { asApiError, type ApiError } from "@/lib/api-client/errors";
import type { components } from "@/lib/api-client/schema";
import { CHANNELS, PRIORITIES } from "@/lib/domain/tickets/types";
import type { Choice } from "./sla-policies-admin";

type Policy = components["schemas"]["SlaPolicy"];
type Body = components["schemas"]["SlaPolicyCreate"];
const DAYS = [["mon", "Monday"], ["tue", "Tuesday"], ["wed", "Wednesday"], ["thu", "Thursday"], ["fri", "Friday"], ["sat", "Saturday"], ["sun", "Sunday"]] as const;
const CLOCKS = [["first_response", "First response"], ["next_response", "Next response"], ["resolution", "Resolution"]] as const;
type Day = (typeof DAYS)[number][0];
type ClockKey = (typeof CLOCKS)[number][0];

const field = "rounded-md border border-slate-300 px-2 py-1 text-sm";
const list = (s: string) => s.split(",").map((x) => x.trim()).filter(Boolean);

/**
 * Create or edit one policy: name, conditions, targets per priority (business minutes; empty =
 * that clock does not run) and its calendar (one opening range per weekday in an IANA zone, or
 * 24/7; holidays one per line, "YYYY-MM-DD" or "YYYY-MM-DD recurring").
 */
export function PolicyForm({ policy, nextPosition, teams, companies, onDone }: {
  policy: Policy | null;
  nextPosition: number;
  teams: Choice[];
  companies: Choice[];
  onDone: () => void;
}) {
  const c = policy?.conditions ?? {};
  const isDefault = !!policy?.is_default;
  const [name, setName] = useState(policy?.name ?? "");
  const [priorities, setPriorities] = useState<string[]>(c.priority ?? []);
  const [channels, setChannels] = useState<string[]>(c.channel ?? []);
  const [categories, setCategories] = useState((c.category ?? []).join(", "));
  const [team, setTeam] = useState<string[]>(c.team ?? []);
  const [company, setCompany] = useState<string[]>(c.company ?? []);
  const [targets, setTargets] = useState<Record<string, Record<ClockKey, string>>>(() =>
    Object.fromEntries(PRIORITIES.map((p) => [p, Object.fromEntries(CLOCKS.map(([k]) => [k, String(policy?.targets[p][k] ?? "")])) as Record<ClockKey, string>])),
  );
  const [warn, setWarn] = useState(String(policy?.warn_before_minutes ?? 60));
  const [tz, setTz] = useState(policy?.calendar.time_zone ?? "UTC");
  const [always, setAlways] = useState(policy ? policy.calendar.weekly_hours === null : false);
  const [hours, setHours] = useState<Record<Day, { start: string; end: string }>>(() =>
    Object.fromEntries(
      DAYS.map(([d], i) => {
        const r = policy?.calendar.weekly_hours?.[d]?.[0];
        return [d, r ?? (policy ? { start: "", end: "" } : i < 5 ? { start: "09:00", end: "17:00" } : { start: "", end: "" })];
      }),
    ) as Record<Day, { start: string; end: string }>,
  );
  const [holidays, setHolidays] = useState((policy?.calendar.holidays ?? []).map((h) => `${h.date}${h.recurring ? " recurring" : ""}`).join("\n"));
  const [error, setError] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);

  const toggle = (set: (f: (v: string[]) => string[]) => void, v: string) => set((cur) => (cur.includes(v) ? cur.filter((x) => x !== v) : [...cur, v]));
  const minutes = (s: string) => (s.trim() === "" ? null : Number(s));

  async function save(e: React.FormEvent) {
    e.preventDefault();
    setSaving(true);
    setError(null);
    const body: Body = {
      name,
      targets: Object.fromEntries(PRIORITIES.map((p) => [p, Object.fromEntries(CLOCKS.map(([k]) => [k, minutes(targets[p][k])]))])) as Body["targets"],
      warn_before_minutes: Number(warn),
      calendar: {
        time_zone: tz.trim(),
        weekly_hours: always ? null : (Object.fromEntries(DAYS.map(([d]) => [d, hours[d].start && hours[d].end ? [hours[d]] : []])) as never),
        holidays: holidays
          .split("\n")
          .map((l) => l.trim())
          .filter(Boolean)
          .map((l) => ({ date: l.split(/\s+/)[0], recurring: /recurring/i.test(l) })),
      },
      ...(isDefault
        ? {}
        : {
            conditions: {
              ...(priorities.length ? { priority: priorities as never } : {}),
              ...(channels.length ? { channel: channels as never } : {}),
              ...(list(categories).length ? { category: list(categories) } : {}),
              ...(team.length ? { team } : {}),
              ...(company.length ? { company } : {}),
            },
          }),
    };
    try {
      if (policy) await api.PATCH("/api/v1/support/sla-policies/{id}/", { path: { id: policy.id }, body: { ...body, conditions: isDefault ? undefined : (body.conditions ?? {}) } });
      else await api.POST("/api/v1/support/sla-policies/", { body: { ...body, position: nextPosition } });
      onDone();
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setSaving(false);
    }
  }

  const fieldError = (k: string) => error?.field(k) && <p className="mt-1 text-xs text-red-700">{error.field(k)}</p>;
  return (
    <form onSubmit={save} aria-label={policy ? `Edit ${policy.name}` : "New SLA policy"} className="space-y-5 rounded-lg border border-slate-200 bg-white p-5">
      <h2 className="font-semibold text-slate-900">{policy ? `Edit ${policy.name}` : "New SLA policy"}</h2>
      {error && !Object.keys(error.fields).some((k) => ["name", "calendar", "targets", "conditions"].includes(k)) && (
        <p role="alert" className="text-sm text-red-700">{error.message}</p>
      )}
      <label className="block text-sm">
        <span className="font-medium text-slate-700">Name</span>
        <input className={`${field} mt-1 block w-full`} value={name} onChange={(e) => setName(e.target.value)} required maxLength={100} />
        {fieldError("name")}
      </label>

      {!isDefault && (
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium text-slate-700">Conditions (all listed must match; empty matches every ticket)</legend>
          <div className="flex flex-wrap gap-3 text-sm">
            <span className="text-slate-600">Priority:</span>
            {PRIORITIES.map((p) => (
              <label key={p} className="flex items-center gap-1"><input type="checkbox" checked={priorities.includes(p)} onChange={() => toggle(setPriorities, p)} />{p}</label>
            ))}
          </div>
          <div className="flex flex-wrap gap-3 text-sm">
            <span className="text-slate-600">Channel:</span>
            {CHANNELS.map((ch) => (
              <label key={ch} className="flex items-center gap-1"><input type="checkbox" checked={channels.includes(ch)} onChange={() => toggle(setChannels, ch)} />{ch}</label>
            ))}
          </div>
          <label className="block text-sm">
            <span className="text-slate-600">Categories (comma-separated)</span>
            <input className={`${field} mt-1 block w-full`} value={categories} onChange={(e) => setCategories(e.target.value)} />
          </label>
          <div className="grid gap-3 sm:grid-cols-2">
            <label className="block text-sm">
              <span className="text-slate-600">Teams</span>
              <select multiple className={`${field} mt-1 block h-24 w-full`} value={team} onChange={(e) => setTeam([...e.target.selectedOptions].map((o) => o.value))}>
                {teams.map((t) => <option key={t.id} value={t.id}>{t.name}</option>)}
              </select>
            </label>
            <label className="block text-sm">
              <span className="text-slate-600">Companies</span>
              <select multiple className={`${field} mt-1 block h-24 w-full`} value={company} onChange={(e) => setCompany([...e.target.selectedOptions].map((o) => o.value))}>
                {companies.map((t) => <option key={t.id} value={t.id}>{t.name}</option>)}
              </select>
            </label>
          </div>
          {fieldError("conditions")}
        </fieldset>
      )}

      <fieldset>
        <legend className="text-sm font-medium text-slate-700">Targets in business minutes (empty: that clock does not run)</legend>
        <table className="mt-2 text-sm">
          <thead>
            <tr><th className="pr-3 text-left font-normal text-slate-600">Priority</th>{CLOCKS.map(([k, l]) => <th key={k} className="px-2 text-left font-normal text-slate-600">{l}</th>)}</tr>
          </thead>
          <tbody>
            {PRIORITIES.map((p) => (
              <tr key={p}>
                <td className="pr-3 py-1">{p}</td>
                {CLOCKS.map(([k, l]) => (
                  <td key={k} className="px-2 py-1">
                    <input aria-label={`${l} target for ${p}`} type="number" min={1} className={`${field} w-24`} value={targets[p][k]}
                      onChange={(e) => setTargets((t) => ({ ...t, [p]: { ...t[p], [k]: e.target.value } }))} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        {fieldError("targets")}
        <label className="mt-2 flex items-center gap-2 text-sm">
          <span className="text-slate-600">Warn this many minutes before a breach</span>
          <input type="number" min={0} className={`${field} w-20`} value={warn} onChange={(e) => setWarn(e.target.value)} />
        </label>
      </fieldset>

      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-700">Calendar</legend>
        <label className="block text-sm">
          <span className="text-slate-600">Time zone (IANA, e.g. Europe/Berlin)</span>
          <input className={`${field} mt-1 block w-64`} value={tz} onChange={(e) => setTz(e.target.value)} required />
        </label>
        <label className="flex items-center gap-2 text-sm"><input type="checkbox" checked={always} onChange={(e) => setAlways(e.target.checked)} />24/7 (no business hours)</label>
        {!always && (
          <div className="grid gap-1 text-sm sm:grid-cols-2">
            {DAYS.map(([d, label]) => (
              <div key={d} className="flex items-center gap-2">
                <span className="w-24 text-slate-600">{label}</span>
                <input aria-label={`${label} opens`} placeholder="closed" className={`${field} w-20`} value={hours[d].start} onChange={(e) => setHours((h) => ({ ...h, [d]: { ...h[d], start: e.target.value } }))} />
                <span>–</span>
                <input aria-label={`${label} closes`} placeholder="closed" className={`${field} w-20`} value={hours[d].end} onChange={(e) => setHours((h) => ({ ...h, [d]: { ...h[d], end: e.target.value } }))} />
              </div>
            ))}
          </div>
        )}
        <label className="block text-sm">
          <span className="text-slate-600">Holidays, one per line: 2026-12-25, or 2026-12-25 recurring (every year)</span>
          <textarea className={`${field} mt-1 block h-20 w-64 font-mono`} value={holidays} onChange={(e) => setHolidays(e.target.value)} />
        </label>
        {fieldError("calendar")}
      </fieldset>

      <div className="flex gap-2">
        <button type="submit" disabled={saving} className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-50">
          {saving ? "Saving…" : policy ? "Save changes" : "Create policy"}
        </button>
        <button type="button" onClick={onDone} className="rounded-md border border-slate-300 px-3 py-1.5 text-sm">Cancel</button>
      </div>
    </form>
  );
}
