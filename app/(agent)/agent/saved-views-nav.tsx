"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { useState } from "react";
import { api } from "@/lib/api-client/client";
import { ApiError } from "@/lib/api-client/errors";
import type { components } from "@/lib/api-client/schema";

type View = components["schemas"]["SavedView"];
const COUNT_REFRESH_MS = 30_000;

/** The saved views query, shared by the sidebar and the queue's title (one cache entry). */
export const savedViewsQuery = {
  queryKey: ["saved-views"],
  queryFn: async () => (await api.GET("/api/v1/support/views/", { query: { page_size: 100 } })).data.results,
  staleTime: 30_000,
};

export function normalise(q: string): string {
  return [...new URLSearchParams(q)].filter(([k, v]) => k !== "cursor" && v !== "").map(([k, v]) => `${k}=${v}`).sort().join("&");
}

/** "27", or "1,000+" past the count's cap. */
function countLabel(c: { count: number; capped: boolean }): string {
  return `${c.count.toLocaleString("en-US")}${c.capped ? "+" : ""}`;
}

/** A view's live total, fetched after the page is up (never blocks it) and refreshed every 30 s. */
function ViewCount({ query }: { query: string }) {
  const { data } = useQuery({
    queryKey: ["view-count", query],
    queryFn: async () => (await api.GET("/api/v1/support/tickets/count/", { query: Object.fromEntries(new URLSearchParams(query)) as never })).data,
    refetchInterval: COUNT_REFRESH_MS,
    staleTime: 10_000,
  });
  return (
    <span data-testid="view-count" className="ml-auto pl-2 text-xs tabular-nums text-slate-400">
      {data ? countLabel(data) : <span aria-hidden="true">·</span>}
      {data && <span className="sr-only"> tickets</span>}
    </span>
  );
}

const iconBtn = "rounded px-1 text-xs text-slate-300 hover:bg-slate-700 hover:text-white disabled:opacity-40";

/**
 * The agent's saved views in the sidebar: their own and their team's shared ones, each a link to
 * its queue URL with a bounded live count. "Edit" offers rename, move up/down and delete on the
 * views the agent may change.
 */
export function SavedViewsNav({ selfId }: { selfId: string }) {
  const qc = useQueryClient();
  const path = usePathname();
  const search = useSearchParams();
  const current = path === "/agent/" ? normalise(search.toString()) : null;
  const [editing, setEditing] = useState(false);
  const [renaming, setRenaming] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { data: views } = useQuery(savedViewsQuery);
  const mine = (views ?? []).filter((v) => v.owner === selfId);
  const team = (views ?? []).filter((v) => v.owner !== selfId);

  async function change(fn: () => Promise<unknown>) {
    setError(null);
    try {
      await fn();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : "Could not change the view.");
    }
    await qc.invalidateQueries({ queryKey: ["saved-views"] });
  }
  const patch = (v: View, body: { name?: string; position?: number }) =>
    change(() => api.PATCH("/api/v1/support/views/{id}/", { path: { id: v.id }, body }));
  const remove = (v: View) => change(() => api.DELETE("/api/v1/support/views/{id}/", { path: { id: v.id } }));

  if (!views?.length) return null;
  const item = (v: View, i: number, list: View[]) => {
    const active = current === normalise(v.query);
    return (
      <li key={v.id} data-view-id={v.id}>
        {renaming === v.id ? (
          <form className="flex gap-1 px-1 py-0.5" onSubmit={(e) => {
            e.preventDefault();
            const name = String(new FormData(e.currentTarget).get("name") ?? "");
            setRenaming(null);
            void patch(v, { name });
          }}>
            <label htmlFor={`rename-${v.id}`} className="sr-only">New name for {v.name}</label>
            <input id={`rename-${v.id}`} name="name" defaultValue={v.name} autoFocus maxLength={100}
              className="h-7 min-w-0 flex-1 rounded border border-slate-600 bg-slate-800 px-1.5 text-sm text-white" />
            <button type="submit" className={iconBtn}>Save</button>
          </form>
        ) : (
          <div className="flex items-center">
            <Link href={`/agent/${v.query ? `?${v.query}` : ""}`} aria-current={active ? "page" : undefined}
              className={`flex min-w-0 flex-1 items-center gap-2 whitespace-nowrap rounded-md px-2 py-1.5 text-sm ${active ? "bg-slate-800 font-medium text-white" : "text-slate-300 hover:bg-slate-800/60 hover:text-white"}`}>
              <span className="truncate">{v.name}</span>
              {v.shared && <span className="sr-only"> (shared with your team)</span>}
              {v.shared && <svg aria-hidden="true" viewBox="0 0 16 16" className="h-3 w-3 shrink-0 opacity-70" fill="none" stroke="currentColor" strokeWidth="1.5"><circle cx="5.5" cy="6" r="2" /><circle cx="11" cy="6" r="2" /><path d="M2 13a3.5 3.5 0 0 1 7 0m-1.5 0a3.5 3.5 0 0 1 7 0" /></svg>}
              <ViewCount query={v.query} />
            </Link>
            {editing && v.can_edit && (
              <span className="flex shrink-0 items-center">
                <button type="button" className={iconBtn} aria-label={`Move ${v.name} up`} disabled={i === 0 || v.owner !== selfId} onClick={() => void patch(v, { position: Math.max(0, list[i - 1]?.position ?? 0) })}>↑</button>
                <button type="button" className={iconBtn} aria-label={`Move ${v.name} down`} disabled={i === list.length - 1 || v.owner !== selfId} onClick={() => void patch(v, { position: list[i + 1]?.position ?? v.position })}>↓</button>
                <button type="button" className={iconBtn} aria-label={`Rename ${v.name}`} onClick={() => setRenaming(v.id)}>✎</button>
                <button type="button" className={iconBtn} aria-label={`Delete ${v.name}`} onClick={() => void remove(v)}>✕</button>
              </span>
            )}
          </div>
        )}
      </li>
    );
  };
  return (
    <nav aria-label="Saved views" className="hidden min-h-0 overflow-y-auto px-2 pt-3 lg:block">
      <div className="flex items-center px-2 pb-1">
        <p className="text-[11px] font-semibold uppercase tracking-wider text-slate-400">Saved views</p>
        <button type="button" aria-pressed={editing} onClick={() => { setEditing(!editing); setRenaming(null); }}
          className="ml-auto rounded px-1.5 text-xs text-slate-300 hover:bg-slate-800 hover:text-white">{editing ? "Done" : "Edit"}</button>
      </div>
      {error && <p role="alert" className="px-2 text-xs text-red-300">{error}</p>}
      {mine.length > 0 && <ul aria-label="My views">{mine.map((v, i) => item(v, i, mine))}</ul>}
      {team.length > 0 && (
        <>
          <p className="px-2 pt-2 pb-1 text-[11px] text-slate-400">Shared by your team</p>
          <ul aria-label="Team views">{team.map((v, i) => item(v, i, team))}</ul>
        </>
      )}
    </nav>
  );
}
