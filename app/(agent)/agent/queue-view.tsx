"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useCallback, useRef, useState } from "react";
import { agentName, Avatar, PriorityMarker, StatusPill, UnreadBadge, channelLabel } from "@/components/badges";
import { EmptyState } from "@/components/empty-state";
import { SlaCountdown } from "@/components/sla-countdown";
import { RelativeTime } from "@/components/time/relative-time";
import { liveLabel, pollWhileDown, useLiveUpdates, type PresenceEvent } from "@/components/realtime/use-live-updates";
import type { AgentSummary } from "@/lib/domain/users/list-agents";
import { fetchQueue } from "./_lib/queue-fetch";
import type { QueueData, QueueRow, Stats } from "./_lib/queue-data";
import { StatsPanel } from "./stats-panel";

export const QUEUE_POLL_MS = 5_000;

/**
 * The queue table and stats, refetched from the REST API with the page's own query string
 * whenever the realtime stream reports a change (polling only while the stream is down). The
 * server page rendered the first copy from the same domain functions. The query key is the
 * URL's query string, so each filtered view is cached on its own.
 */
export function QueueView({ search, renderedAt, initial, agents, selfId }: {
  search: string;
  /** Server render time: each render seeds its own cache entry, so a page the server just
   * rendered never shows an older cached copy (e.g. a badge cleared by opening a ticket). */
  renderedAt: number;
  initial: { queue: QueueData; stats: Stats };
  agents: AgentSummary[];
  selfId: string;
}) {
  // Who is in which ticket, from the stream's presence events (agents' streams only).
  const [viewing, setViewing] = useState<ReadonlyMap<string, string[]>>(new Map());
  const onPresence = useCallback((p: PresenceEvent) => {
    setViewing((cur) => {
      const next = new Map(cur);
      const names = p.viewers.filter((v) => v.user !== selfId).map((v) => v.name);
      if (names.length) next.set(p.ticket, names);
      else next.delete(p.ticket);
      return next;
    });
  }, [selfId]);
  const live = useLiveUpdates([["queue"]], {}, onPresence);
  const { data, isError, isFetching } = useQuery({
    queryKey: ["queue", search, renderedAt],
    queryFn: () => fetchQueue(search),
    initialData: initial,
    refetchInterval: pollWhileDown(live, QUEUE_POLL_MS),
    refetchIntervalInBackground: false,
  });
  const names = new Map(agents.map((a) => [a.id, agentName(a)]));
  const q = data.queue;
  return (
    <>
      <StatsPanel stats={data.stats} />
      <div className="px-6 pb-10">
        <div className="mb-2 flex h-5 items-center justify-end gap-2 text-xs text-slate-500" aria-live="polite">
          {isError ? <span className="text-red-700">Could not refresh the queue; retrying…</span> : isFetching ? <span>Refreshing…</span> : <span data-live-state={live}>{liveLabel(live, QUEUE_POLL_MS)}</span>}
        </div>
        {!q.ok ? (
          <div role="alert" className="rounded-xl border border-red-200 bg-red-50 p-4 text-sm text-red-800">
            <p className="font-semibold">These filters are not valid.</p>
            <ul className="mt-1 list-disc pl-5">
              {Object.entries(q.errors).map(([k, msgs]) => <li key={k}><span className="font-mono">{k}</span>: {msgs.join(" ")}</li>)}
            </ul>
          </div>
        ) : q.rows.length === 0 ? (
          <div className="rounded-xl border border-slate-200 bg-white">
            <EmptyState title="No tickets match this view" action={<Link href="/agent/" className="text-sm font-medium text-brand-700 hover:underline">Show all tickets</Link>}>
              Try removing a filter or widening the date range.
            </EmptyState>
          </div>
        ) : (
          <QueueTable rows={q.rows} names={names} selfId={selfId} viewing={viewing} />
        )}
        {q.ok && (q.prev || q.next) && <Pager search={search} prev={q.prev} next={q.next} />}
      </div>
    </>
  );
}

function QueueTable({ rows, names, selfId, viewing }: { rows: QueueRow[]; names: Map<string, string>; selfId: string; viewing: ReadonlyMap<string, string[]> }) {
  const body = useRef<HTMLTableSectionElement>(null);
  // Arrow keys / j k move between rows; Enter opens (the row's link has the focus).
  function onKeyDown(e: React.KeyboardEvent) {
    const links = Array.from(body.current?.querySelectorAll<HTMLAnchorElement>("a[data-row-link]") ?? []);
    const i = links.indexOf(document.activeElement as HTMLAnchorElement);
    const down = e.key === "ArrowDown" || e.key === "j";
    const up = e.key === "ArrowUp" || e.key === "k";
    if (!down && !up) return;
    e.preventDefault();
    const next = links[Math.max(0, Math.min(links.length - 1, i + (down ? 1 : -1)))];
    next?.focus();
  }
  return (
    <div className="overflow-hidden rounded-xl border border-slate-200 bg-white shadow-[0_1px_2px_rgba(15,23,42,0.04)]">
      <table className="w-full table-fixed text-sm" aria-describedby="queue-help">
        <caption id="queue-help" className="sr-only">Tickets. Use the arrow keys or j and k to move between tickets, Enter to open.</caption>
        <thead className="border-b border-slate-200 bg-slate-50/80 text-left text-xs font-medium text-slate-500">
          <tr>
            <th scope="col" className="w-24 py-2 pl-4 font-medium">Priority</th>
            <th scope="col" className="py-2 pl-2 font-medium">Ticket</th>
            <th scope="col" className="hidden w-32 py-2 font-medium md:table-cell">Status</th>
            <th scope="col" className="hidden w-40 py-2 font-medium lg:table-cell">Assignee</th>
            <th scope="col" className="w-36 py-2 font-medium">SLA</th>
            <th scope="col" className="hidden w-28 py-2 pr-4 text-right font-medium sm:table-cell">Activity</th>
          </tr>
        </thead>
        <tbody ref={body} onKeyDown={onKeyDown} className="divide-y divide-slate-100">
          {rows.map(({ ticket: t, requester, company }) => {
            const unread = t.unread_by_agent > 0;
            const assignee = t.assigned_to ? (t.assigned_to === selfId ? "You" : (names.get(t.assigned_to) ?? "Agent")) : null;
            return (
              <tr key={t.id} data-ticket-id={t.id} data-overdue={t.sla_overdue ? "true" : "false"}
                className={`group relative focus-within:bg-brand-50/60 hover:bg-slate-50 ${t.sla_overdue ? "bg-red-50/50 shadow-[inset_3px_0_0_#dc2626]" : ""}`}>
                <td className="py-3 pl-4 align-top"><PriorityMarker priority={t.priority} /></td>
                <td className="py-2.5 pl-2 pr-3 align-top">
                  <div className="flex items-center gap-2">
                    <Link href={`/agent/tickets/${t.id}/`} prefetch={false} data-row-link
                      className={`truncate outline-none after:absolute after:inset-0 focus-visible:underline ${unread ? "font-semibold text-slate-900" : "font-medium text-slate-700"}`}>
                      {t.subject}
                    </Link>
                    <UnreadBadge count={t.unread_by_agent} label="unread messages" />
                    {viewing.has(t.id) && (
                      <span data-viewing className="shrink-0 text-xs text-amber-700" title={`In this ticket: ${viewing.get(t.id)!.join(", ")}`}>
                        <span aria-hidden="true">👁</span><span className="sr-only">In this ticket: {viewing.get(t.id)!.join(", ")}</span>
                      </span>
                    )}
                  </div>
                  <p className="mt-0.5 truncate text-xs text-slate-500">
                    <span className="font-mono">{t.ticket_number}</span>
                    {" · "}{requester ? (requester.name || requester.email) : "Unknown requester"}
                    {company && <> · {company}</>}
                    {" · "}{channelLabel(t.channel)}
                  </p>
                </td>
                <td className="hidden py-3 align-top md:table-cell"><StatusPill status={t.status} /></td>
                <td className="hidden py-2.5 align-top lg:table-cell">
                  {assignee ? (
                    <span className="inline-flex items-center gap-2 text-slate-700"><Avatar name={assignee === "You" ? (names.get(selfId) ?? "You") : assignee} size="sm" /><span className="truncate">{assignee}</span></span>
                  ) : <span className="text-slate-500">Unassigned</span>}
                </td>
                <td className="py-3 align-top"><SlaCountdown due={t.sla_due_at} status={t.status} paused={t.sla_paused} /></td>
                <td className="hidden py-3 pr-4 text-right align-top text-xs text-slate-500 sm:table-cell">
                  <RelativeTime iso={t.last_message_at!} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function Pager({ search, prev, next }: { search: string; prev: string | null; next: string | null }) {
  const href = (cursor: string) => {
    const p = new URLSearchParams(search);
    p.set("cursor", cursor);
    return `/agent/?${p}`;
  };
  const cls = "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 shadow-xs hover:bg-slate-50";
  return (
    <nav aria-label="Pages" className="mt-4 flex justify-between">
      {prev ? <Link href={href(prev)} className={cls} rel="prev">← Previous</Link> : <span />}
      {next ? <Link href={href(next)} className={cls} rel="next">Next →</Link> : <span />}
    </nav>
  );
}
