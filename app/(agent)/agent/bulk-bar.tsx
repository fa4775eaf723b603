"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { agentName, priorityLabel, statusLabel } from "@/components/badges";
import { api } from "@/lib/api-client/client";
import { ApiError } from "@/lib/api-client/errors";
import type { components } from "@/lib/api-client/schema";
import type { AgentSummary } from "@/lib/domain/users/list-agents";
import { PRIORITIES, STATUSES } from "@/lib/schemas/common";

/** A selected row: the version the agent saw when they picked it (sent as If-Match). */
export interface Picked {
  version: number;
  number: string;
}

type Changes = components["schemas"]["SupportTicketBulk"]["changes"];

export interface BulkOutcome {
  action: string;
  updated: number;
  failed: { id: string; number: string; code: number; detail: string }[];
}

const field = "h-8 rounded-md border border-slate-300 bg-white px-2 text-sm text-slate-800 shadow-xs focus:border-brand-500 focus:outline-2 focus:outline-offset-0 focus:outline-brand-500";
const btn = "h-8 rounded-md border border-slate-300 bg-white px-2.5 text-sm font-medium text-slate-700 shadow-xs hover:bg-slate-50 disabled:opacity-60";

function why(code: number, detail: string): string {
  if (code === 412) return "changed by someone else since you selected it (412)";
  if (code === 403) return `not allowed: ${detail} (403)`;
  if (code === 404) return "no longer exists (404)";
  return `${detail} (${code})`;
}

/**
 * The bulk bar: one change for every selected ticket through POST support/tickets/bulk/, each
 * with the version seen when it was selected, so a ticket someone else changed meanwhile is
 * refused on its own (412) and named, while the others go through.
 */
export function BulkBar({ picked, agents, selfId, onDone, onClear }: {
  picked: ReadonlyMap<string, Picked>;
  agents: AgentSummary[];
  selfId: string;
  /** The outcome, and the selection to keep: the changed tickets at their new versions, so
   * another change can follow (assign, then tag); the refused ones drop out (they are named). */
  onDone: (o: BulkOutcome, keep: ReadonlyMap<string, Picked>) => void;
  onClear: () => void;
}) {
  const qc = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [tags, setTags] = useState("");
  const macros = useQuery({
    queryKey: ["macros", "bulk"],
    queryFn: async () => (await api.GET("/api/v1/support/macros/", { query: { page_size: 100 } })).data.results,
    staleTime: 60_000,
  });

  async function run(action: string, changes: Changes) {
    const ids = [...picked.keys()];
    setBusy(true);
    try {
      const versions = Object.fromEntries([...picked].map(([id, p]) => [id, p.version]));
      const { data } = await api.POST("/api/v1/support/tickets/bulk/", { body: { ids, changes, versions } });
      const failed = data.results.filter((r) => r.status !== "ok").map((r) => ({ id: r.id, number: picked.get(r.id)?.number ?? r.id, code: r.code, detail: r.detail ?? "" }));
      const keep = new Map<string, Picked>();
      for (const r of data.results) if (r.status === "ok" && r.ticket) keep.set(r.id, { version: r.ticket.version, number: r.ticket.ticket_number });
      onDone({ action, updated: data.results.length - failed.length, failed }, keep);
    } catch (e) {
      const detail = e instanceof ApiError ? e.message : "The request failed.";
      onDone({ action, updated: 0, failed: ids.map((id) => ({ id, number: picked.get(id)?.number ?? id, code: e instanceof ApiError ? e.status : 0, detail })) }, picked);
    } finally {
      setBusy(false);
      setTags("");
      await qc.invalidateQueries({ queryKey: ["queue"] });
      await qc.invalidateQueries({ queryKey: ["view-count"] });
    }
  }
  const tagList = () => tags.split(",").map((t) => t.trim()).filter(Boolean);
  const onSelect = (action: string, make: (v: string) => Changes) => (e: React.ChangeEvent<HTMLSelectElement>) => {
    const v = e.currentTarget.value;
    e.currentTarget.value = "";
    if (v) void run(action, make(v));
  };

  return (
    <div role="toolbar" aria-label="Bulk actions" data-testid="bulk-bar"
      className="sticky top-0 z-20 mb-2 flex flex-wrap items-center gap-2 rounded-lg border border-brand-300 bg-brand-50 px-3 py-2 shadow-sm" aria-busy={busy}>
      <p className="text-sm font-semibold text-brand-900" data-testid="bulk-count">{picked.size} selected</p>
      <label className="sr-only" htmlFor="bulk-assign">Assign selected tickets</label>
      <select id="bulk-assign" className={field} defaultValue="" disabled={busy}
        onChange={onSelect("Assigned", (v) => ({ assigned_to: v === "none" ? null : v }))}>
        <option value="">Assign…</option>
        <option value={selfId}>Me</option>
        <option value="none">Unassign</option>
        {agents.filter((a) => a.id !== selfId && !a.deactivated).map((a) => <option key={a.id} value={a.id}>{agentName(a)}</option>)}
      </select>
      <label className="sr-only" htmlFor="bulk-status">Set status of selected tickets</label>
      <select id="bulk-status" className={field} defaultValue="" disabled={busy} onChange={onSelect("Status set", (v) => ({ status: v as Changes["status"] }))}>
        <option value="">Status…</option>
        {STATUSES.map((s) => <option key={s} value={s}>{statusLabel(s)}</option>)}
      </select>
      <label className="sr-only" htmlFor="bulk-priority">Set priority of selected tickets</label>
      <select id="bulk-priority" className={field} defaultValue="" disabled={busy} onChange={onSelect("Priority set", (v) => ({ priority: v as Changes["priority"] }))}>
        <option value="">Priority…</option>
        {PRIORITIES.map((p) => <option key={p} value={p}>{priorityLabel(p)}</option>)}
      </select>
      <form className="flex items-center gap-1" onSubmit={(e) => { e.preventDefault(); if (tagList().length) void run("Tags added", { add_tags: tagList() }); }}>
        <label className="sr-only" htmlFor="bulk-tags">Tags (comma-separated)</label>
        <input id="bulk-tags" value={tags} onChange={(e) => setTags(e.target.value)} placeholder="tags, comma-separated" className={`${field} w-44`} disabled={busy} />
        <button type="submit" className={btn} disabled={busy || !tagList().length}>Add tags</button>
        <button type="button" className={btn} disabled={busy || !tagList().length} onClick={() => void run("Tags removed", { remove_tags: tagList() })}>Remove tags</button>
      </form>
      <label className="sr-only" htmlFor="bulk-macro">Apply a macro to selected tickets</label>
      <select id="bulk-macro" className={field} defaultValue="" disabled={busy || !macros.data?.length} onChange={onSelect("Macro applied", (v) => ({ macro: v }))}>
        <option value="">{macros.isPending ? "Macros…" : macros.data?.length ? "Apply macro…" : "No macros"}</option>
        {macros.data?.map((m) => <option key={m.id} value={m.id}>{m.name}</option>)}
      </select>
      {busy && <span role="status" className="text-xs text-slate-700">Applying…</span>}
      <button type="button" onClick={onClear} className="ml-auto text-sm font-medium text-brand-800 hover:underline">Clear selection</button>
    </div>
  );
}

/** What the last bulk change did: "3 updated", and every ticket it could not change, by name. */
export function BulkResult({ outcome, onDismiss }: { outcome: BulkOutcome; onDismiss: () => void }) {
  const bad = outcome.failed.length > 0;
  return (
    <div role={bad ? "alert" : "status"} data-testid="bulk-result"
      className={`mb-2 flex items-start gap-3 rounded-lg border px-3 py-2 text-sm ${bad ? "border-amber-300 bg-amber-50 text-amber-950" : "border-emerald-300 bg-emerald-50 text-emerald-950"}`}>
      <div className="min-w-0 flex-1">
        <p className="font-medium">
          {outcome.action}: {outcome.updated} updated{bad ? `, ${outcome.failed.length} not changed` : ""}.
        </p>
        {bad && (
          <ul className="mt-1 list-disc pl-5">
            {outcome.failed.map((f) => <li key={f.id} data-failed-ticket={f.id}><span className="font-mono">{f.number}</span>: {why(f.code, f.detail)}</li>)}
          </ul>
        )}
      </div>
      <button type="button" onClick={onDismiss} className="text-xs font-medium underline">Dismiss</button>
    </div>
  );
}
