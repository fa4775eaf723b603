"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";
import { agentName, channelLabel, priorityLabel, statusLabel } from "@/components/badges";
import { CHANNELS, PRIORITIES, STATUSES } from "@/lib/schemas/common";
import type { AgentSummary } from "@/lib/domain/users/list-agents";

export const ORDERINGS = [
  { value: "-last_message_at", label: "Latest activity" },
  { value: "sla_due_at", label: "SLA due soonest" },
  { value: "-sla_due_at", label: "SLA due latest" },
  { value: "-created_at", label: "Newest first" },
  { value: "created_at", label: "Oldest first" },
  { value: "-priority", label: "Highest priority" },
];

const field = "h-8 rounded-md border border-slate-300 bg-white px-2 text-sm text-slate-800 shadow-xs focus:border-brand-500 focus:outline-2 focus:outline-offset-0 focus:outline-brand-500";
const labelCls = "mb-1 block text-xs font-medium text-slate-600";

/**
 * The queue's filters. It is a plain GET form (works without JavaScript); with JavaScript
 * every change updates the URL at once, so the URL is always the view and can be shared.
 * Changing a filter drops the cursor: a cursor belongs to one result set.
 */
export function FilterBar({ agents, errors }: { agents: AgentSummary[]; errors: Record<string, string[]> }) {
  const router = useRouter();
  const path = usePathname();
  const params = useSearchParams();
  const [pending, startTransition] = useTransition();
  const [js, setJs] = useState(false);
  const search = useRef<HTMLInputElement>(null);
  useEffect(() => setJs(true), []);
  // "/" jumps to search, as in most ticketing tools.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement;
      if (e.key === "/" && !/^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName)) {
        e.preventDefault();
        search.current?.focus();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  function apply(form: HTMLFormElement) {
    const next = new URLSearchParams();
    for (const [k, v] of new FormData(form)) if (typeof v === "string" && v !== "") next.set(k, v);
    if (next.get("ordering") === "-last_message_at") next.delete("ordering");
    const qs = next.toString();
    startTransition(() => router.push(`${path}${qs ? `?${qs}` : ""}`, { scroll: false }));
  }
  const v = (k: string) => params.get(k) ?? "";
  const err = (k: string) => errors[k]?.join(" ");
  const active = [...params.keys()].some((k) => k !== "ordering" && k !== "cursor");

  return (
    <form role="search" aria-label="Filter tickets" method="get" action={path}
      onSubmit={(e) => { e.preventDefault(); apply(e.currentTarget); }}
      onChange={(e) => {
        // Selects and dates apply at once; the search box waits for Enter.
        const el = e.target as unknown as HTMLInputElement;
        if (el.tagName !== "INPUT" || el.type === "date") apply(e.currentTarget);
      }}
      className="border-b border-slate-200 bg-white px-6 py-3" aria-busy={pending}>
      <div className="flex flex-wrap items-end gap-3">
        <div className="min-w-[14rem] flex-1">
          <label htmlFor="f-search" className={labelCls}>Search</label>
          <div className="relative">
            <svg aria-hidden="true" viewBox="0 0 20 20" className="pointer-events-none absolute top-2 left-2 h-4 w-4 text-slate-400" fill="none" stroke="currentColor" strokeWidth="1.6"><circle cx="9" cy="9" r="5.5" /><path d="m13 13 4 4" strokeLinecap="round" /></svg>
            <input ref={search} id="f-search" name="search" type="search" defaultValue={v("search")} key={v("search")}
              placeholder="Subject, description or email   ( / )" className={`${field} w-full pl-8`} />
          </div>
        </div>
        <Select id="f-status" name="status" label="Status" value={v("status")} error={err("status")}
          options={STATUSES.map((s) => [s, statusLabel(s)])} />
        <Select id="f-priority" name="priority" label="Priority" value={v("priority")} error={err("priority")}
          options={PRIORITIES.map((p) => [p, priorityLabel(p)])} />
        <Select id="f-assignee" name="assigned_to" label="Assignee" value={v("assigned_to")} error={err("assigned_to")}
          options={[["me", "Me"], ["none", "Unassigned"], ...agents.map((a) => [a.id, agentName(a)] as [string, string])]} />
        <Select id="f-channel" name="channel" label="Channel" value={v("channel")} error={err("channel")}
          options={CHANNELS.map((c) => [c, channelLabel(c)])} />
        <Select id="f-sla" name="sla_overdue" label="SLA" value={v("sla_overdue")} error={err("sla_overdue")} anyLabel="Any"
          options={[["true", "Overdue"], ["false", "Not overdue"]]} />
        <div>
          <label htmlFor="f-ordering" className={labelCls}>Sort by</label>
          <select id="f-ordering" name="ordering" defaultValue={v("ordering") || "-last_message_at"} key={v("ordering")} className={field}>
            {ORDERINGS.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
          </select>
        </div>
      </div>
      <div className="mt-3 flex flex-wrap items-end gap-3">
        <DateRange prefix="created_at" label="Created" v={v} err={err} />
        <DateRange prefix="last_message_at" label="Last message" v={v} err={err} />
        <div className="ml-auto flex items-center gap-3 pb-1">
          {pending && <span role="status" className="text-xs text-slate-500">Updating…</span>}
          {active && <a href={path} className="text-sm font-medium text-brand-700 hover:underline">Clear filters</a>}
          <button type="submit" className={`${js ? "sr-only" : ""} rounded-md bg-brand-600 px-3 py-1.5 text-sm font-semibold text-white`}>Apply</button>
        </div>
      </div>
    </form>
  );
}

function Select({ id, name, label, value, options, error, anyLabel = "All" }: {
  id: string; name: string; label: string; value: string; options: [string, string][]; error?: string; anyLabel?: string;
}) {
  return (
    <div>
      <label htmlFor={id} className={labelCls}>{label}</label>
      <select id={id} name={name} defaultValue={value} key={value} aria-invalid={!!error} aria-describedby={error ? `${id}-err` : undefined}
        className={`${field} max-w-[11rem] ${value ? "border-brand-500 bg-brand-50 text-brand-900" : ""}`}>
        <option value="">{anyLabel}</option>
        {options.map(([val, text]) => <option key={val} value={val}>{text}</option>)}
      </select>
      {error && <p id={`${id}-err`} className="mt-1 text-xs text-red-700">{error}</p>}
    </div>
  );
}

function DateRange({ prefix, label, v, err }: { prefix: string; label: string; v: (k: string) => string; err: (k: string) => string | undefined }) {
  const a = `${prefix}_after`;
  const b = `${prefix}_before`;
  const e = err(a) ?? err(b);
  return (
    <fieldset>
      <legend className={labelCls}>{label}</legend>
      <div className="flex items-center gap-1.5">
        <label htmlFor={`f-${a}`} className="sr-only">{label} from</label>
        <input id={`f-${a}`} name={a} type="date" defaultValue={v(a)} key={`after-${v(a)}`} className={field} aria-describedby={e ? `f-${prefix}-err` : undefined} />
        <span aria-hidden="true" className="text-xs text-slate-400">to</span>
        <label htmlFor={`f-${b}`} className="sr-only">{label} to</label>
        <input id={`f-${b}`} name={b} type="date" defaultValue={v(b)} key={`before-${v(b)}`} className={field} />
      </div>
      {e && <p id={`f-${prefix}-err`} className="mt-1 text-xs text-red-700">{e}</p>}
    </fieldset>
  );
}
