"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useCallback, useEffect, useRef, useState } from "react";
import { BulkBar, BulkResult, type BulkOutcome, type Picked } from "./bulk-bar";
import { SaveViewButton } from "./save-view";
import { normalise, savedViewsQuery } from "./saved-views-nav";
import { agentName, Avatar, PriorityMarker, StatusPill, UnreadBadge, channelLabel } from "@/components/badges";
import { EmptyState } from "@/components/empty-state";
import { SlaCountdown } from "@/components/sla-countdown";
import { RelativeTime } from "@/components/time/relative-time";
import { liveLabel, pollWhileDown, useLiveUpdates, type PresenceEvent } from "@/components/realtime/use-live-updates";
import type { AgentSummary } from "@/lib/domain/users/list-agents";
import { fetchQueue } from "./_lib/queue-fetch";
import type { QueueData, QueueRow, QueueTotal, Stats } from "./_lib/queue-data";
import { LayoutToggles, useQueueLayout } from "./queue-layout";
import { StatsPanel } from "./stats-panel";

export const QUEUE_POLL_MS = 5_000;

/**
 * The queue table and stats, refetched from the REST API with the page's own query string
 * whenever the realtime stream reports a change (polling only while the stream is down). The
 * server page rendered the first copy from the same domain functions. The query key is the
 * URL's query string, so each filtered view is cached on its own.
 */
export function QueueView({ title, filterBar, search, renderedAt, initial, agents, selfId, canShare }: {
  title: string;
  /** The filter toolbar, rendered between the header and the stats. */
  filterBar: React.ReactNode;
  search: string;
  /** Server render time: each render seeds its own cache entry, so a page the server just
   * rendered never shows an older cached copy (e.g. a badge cleared by opening a ticket). */
  renderedAt: number;
  initial: { queue: QueueData; stats: Stats };
  agents: AgentSummary[];
  selfId: string;
  /** The agent is in a team, so a view can be shared with it. */
  canShare: boolean;
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
  const { layout } = useQueueLayout();
  // A URL that is one of the agent's saved views is titled with its name.
  const { data: saved } = useQuery(savedViewsQuery);
  const own = normalise(search);
  const heading = (title === "Filtered tickets" && saved?.find((v) => normalise(v.query) === own)?.name) || title;
  // Selected tickets, with the version each had when picked (the bulk call's If-Match).
  const [picked, setPicked] = useState<ReadonlyMap<string, Picked>>(new Map());
  const [outcome, setOutcome] = useState<BulkOutcome | null>(null);
  const rows = q.ok ? q.rows : [];
  // A selected ticket that left the page (filtered out after a change, another page) is unselected.
  const onPage = rows.map((r) => r.ticket.id).join(",");
  useEffect(() => {
    const ids = new Set(onPage.split(","));
    setPicked((cur) => ([...cur.keys()].every((id) => ids.has(id)) ? cur : new Map([...cur].filter(([id]) => ids.has(id)))));
  }, [onPage]);
  return (
    <>
      <header className="flex items-center gap-3 border-b border-slate-200 bg-white px-6 py-2">
        <h1 className="text-lg font-semibold tracking-tight text-slate-900">{heading}</h1>
        <p data-testid="queue-total" className="text-sm tabular-nums text-slate-600">{q.ok ? totalLabel(q.total) : "Check the filters"}</p>
        <p className="ml-auto text-xs text-slate-500" aria-live="polite">
          {isError ? <span className="text-red-700">Could not refresh the queue; retrying…</span> : isFetching ? <span>Refreshing…</span> : <span data-live-state={live}>{liveLabel(live, QUEUE_POLL_MS)}</span>}
        </p>
        <SaveViewButton search={search} canShare={canShare} />
        <LayoutToggles />
        <span className="hidden text-xs text-slate-500 xl:block">
          <kbd className="rounded border border-slate-300 bg-slate-50 px-1 font-sans">j</kbd>{" "}
          <kbd className="rounded border border-slate-300 bg-slate-50 px-1 font-sans">k</kbd> move ·{" "}
          <kbd className="rounded border border-slate-300 bg-slate-50 px-1 font-sans">x</kbd> select ·{" "}
          <kbd className="rounded border border-slate-300 bg-slate-50 px-1 font-sans">/</kbd> search
        </span>
      </header>
      {filterBar}
      {layout.statsShown && <StatsPanel stats={data.stats} />}
      <div className="px-6 pt-3 pb-10">
        {outcome && <BulkResult outcome={outcome} onDismiss={() => setOutcome(null)} />}
        {picked.size > 0 && (
          <BulkBar picked={picked} agents={agents} selfId={selfId} onClear={() => setPicked(new Map())}
            onDone={(o, keep) => { setOutcome(o); setPicked(keep); }} />
        )}
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
          <QueueTable rows={rows} names={names} selfId={selfId} viewing={viewing} compact={layout.compact} picked={picked} setPicked={setPicked} />
        )}
        {q.ok && (q.prev || q.next) && <Pager search={search} prev={q.prev} next={q.next} />}
      </div>
    </>
  );
}

/** "27 tickets", "1 ticket", or "1,000+ tickets" past the count's cap. */
export function totalLabel(total: QueueTotal): string {
  if (total.capped) return `${total.count.toLocaleString("en-US")}+ tickets`;
  return `${total.count.toLocaleString("en-US")} ${total.count === 1 ? "ticket" : "tickets"}`;
}

const pick = (r: QueueRow): Picked => ({ version: r.ticket.version, number: r.ticket.ticket_number });

function QueueTable({ rows, names, selfId, viewing, compact, picked, setPicked }: {
  rows: QueueRow[]; names: Map<string, string>; selfId: string; viewing: ReadonlyMap<string, string[]>; compact: boolean;
  picked: ReadonlyMap<string, Picked>; setPicked: (next: ReadonlyMap<string, Picked>) => void;
}) {
  const body = useRef<HTMLTableSectionElement>(null);
  // The last row clicked without shift: the anchor of a shift-click range.
  const anchor = useRef<number | null>(null);
  function toggle(i: number, range: boolean) {
    const next = new Map(picked);
    const on = !picked.has(rows[i].ticket.id);
    const from = range && anchor.current !== null ? Math.min(anchor.current, i) : i;
    const to = range && anchor.current !== null ? Math.max(anchor.current, i) : i;
    for (let j = from; j <= to; j++) {
      const r = rows[j];
      if (on) next.set(r.ticket.id, picked.get(r.ticket.id) ?? pick(r));
      else next.delete(r.ticket.id);
    }
    if (!range) anchor.current = i;
    setPicked(next);
  }
  const all = rows.length > 0 && rows.every((r) => picked.has(r.ticket.id));
  const some = rows.some((r) => picked.has(r.ticket.id));
  function toggleAll() {
    setPicked(all ? new Map() : new Map(rows.map((r) => [r.ticket.id, picked.get(r.ticket.id) ?? pick(r)])));
  }
  // Arrow keys / j k move between rows; Enter opens (the row's link has the focus); x selects.
  function onKeyDown(e: React.KeyboardEvent) {
    const links = Array.from(body.current?.querySelectorAll<HTMLAnchorElement>("a[data-row-link]") ?? []);
    const i = links.indexOf(document.activeElement as HTMLAnchorElement);
    if (e.key === "x" && !e.metaKey && !e.ctrlKey && !e.altKey) {
      if (i < 0) return;
      e.preventDefault();
      toggle(i, e.shiftKey);
      return;
    }
    const down = e.key === "ArrowDown" || e.key === "j";
    const up = e.key === "ArrowUp" || e.key === "k";
    if (!down && !up) return;
    e.preventDefault();
    const next = links[Math.max(0, Math.min(links.length - 1, i + (down ? 1 : -1)))];
    next?.focus();
  }
  return (
    <div id="queue" tabIndex={-1} className="overflow-hidden rounded-lg border border-slate-200 bg-white shadow-[0_1px_2px_rgba(15,23,42,0.04)] outline-none">
      <table className="w-full table-fixed text-sm" aria-describedby="queue-help" data-density={compact ? "compact" : "comfortable"}>
        <caption id="queue-help" className="sr-only">Tickets. Use the arrow keys or j and k to move between tickets, Enter to open, x to select.</caption>
        <thead className="border-b border-slate-200 bg-slate-50/80 text-left text-xs font-medium text-slate-600">
          <tr>
            <th scope="col" className="w-9 py-1.5 pl-4">
              <input type="checkbox" aria-label="Select all on page" checked={all} ref={(el) => { if (el) el.indeterminate = some && !all; }}
                onChange={toggleAll} className="h-3.5 w-3.5 rounded border-slate-400 accent-brand-600" />
            </th>
            <th scope="col" className="w-24 py-1.5 pl-2 font-medium">Priority</th>
            <th scope="col" className="py-1.5 pl-2 font-medium">Ticket</th>
            <th scope="col" className="hidden w-32 py-1.5 font-medium md:table-cell">Status</th>
            <th scope="col" className="hidden w-40 py-1.5 font-medium lg:table-cell">Assignee</th>
            <th scope="col" className="w-36 py-1.5 font-medium">SLA</th>
            <th scope="col" className="hidden w-24 py-1.5 pr-4 text-right font-medium sm:table-cell">Updated</th>
          </tr>
        </thead>
        <tbody ref={body} onKeyDown={onKeyDown} className="divide-y divide-slate-100">
          {rows.map((row, i) => (
            <TicketQueueRow key={row.ticket.id} row={row} names={names} selfId={selfId} viewers={viewing.get(row.ticket.id)} compact={compact}
              selected={picked.has(row.ticket.id)} onSelect={(range) => toggle(i, range)} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * One ticket in the queue. Compact rows put the number and customer on the subject's line
 * (one line, ~36 px); comfortable rows put them on a second line. Same cells either way.
 */
export function TicketQueueRow({ row: { ticket: t, requester, company }, names, selfId, viewers, compact, selected, onSelect }: {
  row: QueueRow; names: Map<string, string>; selfId: string; viewers: string[] | undefined; compact: boolean;
  selected: boolean; onSelect: (range: boolean) => void;
}) {
  const unread = t.unread_by_agent > 0;
  const assignee = t.assigned_to ? (t.assigned_to === selfId ? "You" : (names.get(t.assigned_to) ?? "Agent")) : null;
  const customer = requester ? (requester.name || requester.email) : "Unknown requester";
  const cell = compact ? "py-1.5 align-middle" : "py-2.5 align-top";
  const subject = (
    <Link href={`/agent/tickets/${t.id}/`} prefetch={false} data-row-link
      className={`min-w-0 truncate outline-none after:absolute after:inset-0 focus-visible:underline ${unread ? "font-semibold text-slate-900" : "font-medium text-slate-700"}`}>
      {t.subject}
    </Link>
  );
  const marks = (
    <>
      <TagChips tags={t.tags} />
      <UnreadBadge count={t.unread_by_agent} label="unread messages" />
      {viewers && (
        <span data-viewing className="shrink-0 text-xs text-amber-800" title={`In this ticket: ${viewers.join(", ")}`}>
          <span aria-hidden="true">👁</span><span className="sr-only">In this ticket: {viewers.join(", ")}</span>
        </span>
      )}
    </>
  );
  return (
    <tr data-ticket-id={t.id} data-overdue={t.sla_overdue ? "true" : "false"} data-selected={selected ? "true" : undefined}
      className={`group relative focus-within:bg-brand-50/60 hover:bg-slate-50 ${selected ? "bg-brand-50" : ""} ${t.sla_overdue ? "bg-red-50/50 shadow-[inset_3px_0_0_#dc2626]" : ""}`}>
      <td className={`${cell} relative z-10 pl-4`}>
        {/* Above the row link's click area; shift-click selects the range from the last row clicked. */}
        <input type="checkbox" aria-label={`Select ${t.ticket_number}`} checked={selected}
          onChange={(e) => onSelect((e.nativeEvent as MouseEvent).shiftKey === true)} className="h-3.5 w-3.5 rounded border-slate-400 accent-brand-600" />
      </td>
      <td className={`${cell} pl-2`}><PriorityMarker priority={t.priority} /></td>
      <td className={`${cell} pl-2 pr-3`}>
        {compact ? (
          <div className="flex items-center gap-2">
            <span className="w-[7.5rem] shrink-0 whitespace-nowrap font-mono text-xs text-slate-600">{t.ticket_number}</span>
            {subject}
            {marks}
            <span className="ml-auto max-w-[40%] shrink-0 truncate pl-2 text-xs text-slate-600" title={company ? `${customer} · ${company}` : customer}>{customer}</span>
          </div>
        ) : (
          <>
            <div className="flex items-center gap-2">{subject}{marks}</div>
            <p className="mt-0.5 truncate text-xs text-slate-600">
              <span className="font-mono">{t.ticket_number}</span>
              {" · "}{customer}
              {company && <> · {company}</>}
              {" · "}{channelLabel(t.channel)}
            </p>
          </>
        )}
      </td>
      <td className={`${cell} hidden md:table-cell`}><StatusPill status={t.status} /></td>
      <td className={`${cell} hidden lg:table-cell`}>
        {assignee ? (
          <span className="inline-flex max-w-full items-center gap-2 text-slate-700"><Avatar name={assignee === "You" ? (names.get(selfId) ?? "You") : assignee} size="sm" /><span className="truncate">{assignee}</span></span>
        ) : <span className="text-slate-600">Unassigned</span>}
      </td>
      <td className={cell}><SlaCountdown due={t.sla_due_at} status={t.status} paused={t.sla_paused} /></td>
      <td className={`${cell} hidden pr-4 text-right text-xs text-slate-600 sm:table-cell`}>
        <RelativeTime iso={t.last_message_at!} />
      </td>
    </tr>
  );
}

/** A ticket's tags on its queue row: the first three, then "+N". */
function TagChips({ tags }: { tags: string[] }) {
  if (!tags.length) return null;
  const shown = tags.slice(0, 3);
  return (
    <span className="flex min-w-0 max-w-[14rem] items-center gap-1 overflow-hidden" data-tags={tags.join(",")}>
      <span className="sr-only">Tags:</span>
      {shown.map((tag) => (
        <span key={tag} className="shrink-0 rounded bg-slate-100 px-1.5 text-[11px] leading-4 font-medium text-slate-700 ring-1 ring-slate-200 ring-inset">{tag}</span>
      ))}
      {tags.length > shown.length && <span className="text-[11px] text-slate-600" title={tags.slice(3).join(", ")}>+{tags.length - shown.length}</span>}
    </span>
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
