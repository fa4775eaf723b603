"use client";

import { useState } from "react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { api } from "@/lib/api-client/client";
import { cursorOf } from "@/lib/api-client/reads";
import { asApiError } from "@/lib/api-client/errors";
import { FormAlert } from "@/components/field-error";
import { EmptyState } from "@/components/empty-state";
import { AbsoluteTime } from "@/components/time/absolute-time";

/** Actions worth a shortcut in the filter; any other can be typed. */
const COMMON_ACTIONS = ["auth.signed_in", "auth.sign_in_failed", "user.updated", "user.deactivated", "user.reactivated"];

interface Filters {
  action: string;
  actor: string;
  target_id: string;
  created_after: string;
  created_before: string;
}
const NONE: Filters = { action: "", actor: "", target_id: "", created_after: "", created_before: "" };

function changeText(changes: Record<string, unknown>): string {
  return Object.entries(changes)
    .map(([k, v]) => {
      const fromTo = v as { from?: unknown; to?: unknown } | null;
      if (fromTo && typeof fromTo === "object" && "from" in fromTo && "to" in fromTo) return `${k}: ${JSON.stringify(fromTo.from)} → ${JSON.stringify(fromTo.to)}`;
      return `${k}: ${typeof v === "string" ? v : JSON.stringify(v)}`;
    })
    .join(" · ");
}

/** The audit log, newest first, through GET /api/v1/audit-log/; clicking a person or a target filters by it. */
export function AuditLogView() {
  const [filters, setFilters] = useState<Filters>(NONE);
  const [cursor, setCursor] = useState<string | null>(null);
  const set = (patch: Partial<Filters>) => { setFilters((f) => ({ ...f, ...patch })); setCursor(null); };
  const query = {
    ...Object.fromEntries(Object.entries(filters).filter(([, v]) => v.trim() !== "")),
    cursor: cursor ?? undefined,
    page_size: 50,
  };
  const { data, isFetching, error } = useQuery({
    queryKey: ["audit-log", query],
    queryFn: async () => (await api.GET("/api/v1/audit-log/", { query })).data,
    placeholderData: keepPreviousData,
    retry: false,
  });
  const input = "mt-1 block rounded-md border border-slate-300 px-2.5 py-1.5 text-sm";

  return (
    <div className="space-y-4">
      <form role="search" aria-label="Filter the audit log" className="flex flex-wrap items-end gap-3" onSubmit={(e) => e.preventDefault()}>
        <label className="text-xs font-medium text-slate-600">
          Action
          <input list="audit-actions" value={filters.action} placeholder="e.g. user.updated" onChange={(e) => set({ action: e.target.value })} className={`${input} w-48`} />
          <datalist id="audit-actions">{COMMON_ACTIONS.map((a) => <option key={a} value={a} />)}</datalist>
        </label>
        <label className="text-xs font-medium text-slate-600">
          From
          <input type="date" value={filters.created_after} onChange={(e) => set({ created_after: e.target.value })} className={input} />
        </label>
        <label className="text-xs font-medium text-slate-600">
          To
          <input type="date" value={filters.created_before} onChange={(e) => set({ created_before: e.target.value })} className={input} />
        </label>
        {(filters.actor || filters.target_id) && (
          <p className="flex items-center gap-2 pb-1.5 text-xs text-slate-600">
            {filters.actor && <>Actor <code>{filters.actor.slice(0, 8)}…</code></>}
            {filters.target_id && <>Target <code>{filters.target_id.slice(0, 8)}…</code></>}
            <button type="button" onClick={() => set({ actor: "", target_id: "" })} className="rounded px-1.5 py-0.5 text-brand-700 hover:bg-brand-50">Clear</button>
          </p>
        )}
        {isFetching && <span role="status" className="pb-2 text-xs text-slate-500">Loading…</span>}
      </form>
      {error && <FormAlert message={asApiError(error).message} />}
      {data && data.results.length === 0 ? (
        <div className="rounded-xl border border-slate-200 bg-white"><EmptyState title="Nothing recorded">No entries match these filters.</EmptyState></div>
      ) : (
        <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
          <table className="w-full text-sm">
            <caption className="sr-only">Audit log, newest first</caption>
            <thead className="border-b border-slate-200 bg-slate-50/80 text-left text-xs font-medium text-slate-500">
              <tr>
                <th scope="col" className="w-44 py-2 pl-4 font-medium">When</th>
                <th scope="col" className="py-2 font-medium">Who</th>
                <th scope="col" className="py-2 font-medium">What</th>
                <th scope="col" className="py-2 pr-4 font-medium">From where</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {data?.results.map((e) => (
                <tr key={e.id} data-action={e.action} className="align-top">
                  <td className="py-2 pl-4 text-xs text-slate-600"><AbsoluteTime iso={e.created_at} /></td>
                  <td className="max-w-[14rem] break-words py-2 pr-3 text-xs">
                    {e.actor ? (
                      <button type="button" onClick={() => set({ actor: e.actor!.id })} className="text-left text-slate-900 hover:underline" title="Only this person's entries">
                        {e.actor.name || e.actor.email}<span className="block text-slate-500">{e.actor.email}</span>
                      </button>
                    ) : (
                      <span className="text-slate-500">{e.actor_email ?? "Anonymous"}</span>
                    )}
                  </td>
                  <td className="py-2">
                    <p className="text-slate-900">{e.summary}</p>
                    <p className="text-xs text-slate-500">
                      <code>{e.action}</code>
                      {e.target_id && (
                        <> · <button type="button" onClick={() => set({ target_id: e.target_id! })} className="hover:underline" title="Only entries about this target">{e.target_type ?? "target"}</button></>
                      )}
                    </p>
                    {Object.keys(e.changes).length > 0 && <p className="mt-0.5 break-all font-mono text-[11px] text-slate-600">{changeText(e.changes)}</p>}
                  </td>
                  <td className="py-2 pr-4 text-xs text-slate-600">
                    <p>{e.ip ?? "address unknown"}</p>
                    {e.user_agent && <p className="max-w-xs truncate text-slate-500" title={e.user_agent}>{e.user_agent}</p>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {(data?.previous || data?.next) && (
        <nav aria-label="Pages" className="flex justify-between text-sm">
          {data.previous ? <button type="button" className="font-medium text-brand-700 hover:underline" onClick={() => setCursor(cursorOf(data.previous))}>← Newer</button> : <span />}
          {data.next ? <button type="button" className="font-medium text-brand-700 hover:underline" onClick={() => setCursor(cursorOf(data.next))}>Older →</button> : <span />}
        </nav>
      )}
    </div>
  );
}
