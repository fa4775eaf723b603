"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";
import { agentName, channelLabel, priorityLabel, statusLabel } from "@/components/badges";
import { CHANNELS, PRIORITIES, STATUSES } from "@/lib/schemas/common";
import type { AgentSummary } from "@/lib/domain/users/list-agents";
import { useQueueLayout } from "./queue-layout";

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
/** Filters folded away in the collapsed toolbar (they still submit, and count on its button). */
const MORE = ["tags", "channel", "sla_overdue", "created_at_after", "created_at_before", "last_message_at_after", "last_message_at_before"];

/**
 * The queue's filters. It is a plain GET form (works without JavaScript); with JavaScript
 * every change updates the URL at once, so the URL is always the view and can be shared.
 * Changing a filter drops the cursor: a cursor belongs to one result set. Folded (the default,
 * remembered per agent) it is one line: search, status, priority, assignee and sort; "More
 * filters" opens channel, SLA and the date ranges.
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
  const { layout, update } = useQueueLayout();
  const open = layout.filtersOpen;
  const moreActive = MORE.filter((k) => v(k) !== "").length;

  return (
    <form role="search" aria-label="Filter tickets" method="get" action={path}
      onSubmit={(e) => { e.preventDefault(); apply(e.currentTarget); }}
      onChange={(e) => {
        // Selects and dates apply at once; the search box waits for Enter.
        const el = e.target as unknown as HTMLInputElement;
        if (el.tagName !== "INPUT" || el.type === "date") apply(e.currentTarget);
      }}
      className="border-b border-slate-200 bg-white px-6 py-2" aria-busy={pending}>
      <div className="flex flex-wrap items-center gap-2">
        <div className="relative min-w-[14rem] flex-1">
          <label htmlFor="f-search" className="sr-only">Search</label>
          <svg aria-hidden="true" viewBox="0 0 20 20" className="pointer-events-none absolute top-2 left-2 h-4 w-4 text-slate-500" fill="none" stroke="currentColor" strokeWidth="1.6"><circle cx="9" cy="9" r="5.5" /><path d="m13 13 4 4" strokeLinecap="round" /></svg>
          <input ref={search} id="f-search" name="search" type="search" defaultValue={v("search")} key={v("search")}
            placeholder="Search subject, description or email   ( / )" className={`${field} w-full pl-8`} />
        </div>
        <Select id="f-status" name="status" label="Status" value={v("status")} error={err("status")} anyLabel="Any status" inline
          options={STATUSES.map((s) => [s, statusLabel(s)])} />
        <Select id="f-priority" name="priority" label="Priority" value={v("priority")} error={err("priority")} anyLabel="Any priority" inline
          options={PRIORITIES.map((p) => [p, priorityLabel(p)])} />
        <Select id="f-assignee" name="assigned_to" label="Assignee" value={v("assigned_to")} error={err("assigned_to")} anyLabel="Any assignee" inline
          options={[["me", "Me"], ["none", "Unassigned"], ...agents.map((a) => [a.id, agentName(a)] as [string, string])]} />
        <div className="flex items-center gap-1.5">
          <label htmlFor="f-ordering" className="text-xs font-medium text-slate-600">Sort by</label>
          <select id="f-ordering" name="ordering" defaultValue={v("ordering") || "-last_message_at"} key={v("ordering")} className={field}>
            {ORDERINGS.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
          </select>
        </div>
        <button type="button" aria-expanded={open} aria-controls="f-more" onClick={() => update({ filtersOpen: !open })}
          className={`inline-flex h-8 items-center gap-1.5 rounded-md border px-2.5 text-sm font-medium shadow-xs ${moreActive ? "border-brand-500 bg-brand-50 text-brand-900" : "border-slate-300 bg-white text-slate-700 hover:bg-slate-50"}`}>
          <svg aria-hidden="true" viewBox="0 0 16 16" className={`h-3.5 w-3.5 transition-transform ${open ? "rotate-180" : ""}`} fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round"><path d="m4 6 4 4 4-4" /></svg>
          More filters{moreActive ? <><span aria-hidden="true" className="rounded-full bg-brand-600 px-1.5 text-xs leading-5 text-white">{moreActive}</span><span className="sr-only">, {moreActive} set</span></> : null}
        </button>
        {pending && <span role="status" className="text-xs text-slate-600">Updating…</span>}
        {active && <a href={path} className="text-sm font-medium text-brand-700 hover:underline">Clear filters</a>}
        <button type="submit" className={`${js ? "sr-only" : ""} rounded-md bg-brand-600 px-3 py-1.5 text-sm font-semibold text-white`}>Apply</button>
      </div>
      <div id="f-more" hidden={!open} className="mt-2 flex flex-wrap items-end gap-3 pb-1">
        <div>
          {/* Any of the listed tags (comma list), applied on Enter like the search box. */}
          <label htmlFor="f-tags" className={labelCls}>Tags (any of)</label>
          <input id="f-tags" name="tags" type="text" defaultValue={v("tags")} key={v("tags")} placeholder="vip, refund"
            aria-invalid={!!err("tags")} aria-describedby={err("tags") ? "f-tags-err" : undefined}
            className={`${field} w-44 ${v("tags") ? "border-brand-500 bg-brand-50 text-brand-900" : ""}`} />
          {err("tags") && <p id="f-tags-err" className="mt-1 text-xs text-red-700">{err("tags")}</p>}
        </div>
        <Select id="f-channel" name="channel" label="Channel" value={v("channel")} error={err("channel")}
          options={CHANNELS.map((c) => [c, channelLabel(c)])} />
        <Select id="f-sla" name="sla_overdue" label="SLA" value={v("sla_overdue")} error={err("sla_overdue")} anyLabel="Any"
          options={[["true", "Overdue"], ["false", "Not overdue"]]} />
        <DateRange prefix="created_at" label="Created" v={v} err={err} />
        <DateRange prefix="last_message_at" label="Last message" v={v} err={err} />
      </div>
    </form>
  );
}

function Select({ id, name, label, value, options, error, anyLabel = "All", inline = false }: {
  id: string; name: string; label: string; value: string; options: [string, string][]; error?: string; anyLabel?: string;
  /** In the one-line toolbar: the label is read out but not shown ("Any status" says it). */
  inline?: boolean;
}) {
  return (
    <div>
      <label htmlFor={id} className={inline ? "sr-only" : labelCls}>{label}</label>
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
        <span aria-hidden="true" className="text-xs text-slate-600">to</span>
        <label htmlFor={`f-${b}`} className="sr-only">{label} to</label>
        <input id={`f-${b}`} name={b} type="date" defaultValue={v(b)} key={`before-${v(b)}`} className={field} />
      </div>
      {e && <p id={`f-${prefix}-err`} className="mt-1 text-xs text-red-700">{e}</p>}
    </fieldset>
  );
}
