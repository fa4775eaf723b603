"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { StatusPill, UnreadBadge } from "@/components/badges";
import { EmptyState } from "@/components/empty-state";
import { RelativeTime } from "@/components/time/relative-time";
import { liveLabel, pollWhileDown, useLiveUpdates } from "@/components/realtime/use-live-updates";
import { fetchMyTickets } from "./_lib/portal-fetch";
import type { MyTickets } from "./_lib/portal-data";

const POLL_MS = 10_000;

/** The customer's tickets; refetched on stream events (polled while the stream is down) so a new reply's badge appears while the list is open. */
export function MyTicketList({ cursor, renderedAt, initial }: { cursor: string; renderedAt: number; initial: MyTickets }) {
  const live = useLiveUpdates([["my-tickets"]]);
  const { data, isError } = useQuery({
    queryKey: ["my-tickets", cursor, renderedAt],
    queryFn: () => fetchMyTickets(cursor || undefined),
    initialData: initial,
    refetchInterval: pollWhileDown(live, POLL_MS),
  });
  if (data.tickets.length === 0 && !cursor) {
    return (
      <div className="rounded-2xl border border-slate-200 bg-white">
        <EmptyState title="No tickets yet"
          action={<Link href="/portal/tickets/new/" className="text-sm font-semibold text-brand-700 hover:underline">Open your first ticket</Link>}>
          When you contact us, your conversations appear here.
        </EmptyState>
      </div>
    );
  }
  return (
    <>
      {isError && <p role="alert" className="mb-3 text-sm text-red-700">Could not refresh your tickets. Retrying…</p>}
      {live === "reconnecting" && <p role="status" data-live-state={live} className="mb-3 text-xs text-slate-500">{liveLabel(live, POLL_MS)}</p>}
      <ul className="divide-y divide-slate-100 overflow-hidden rounded-2xl border border-slate-200 bg-white shadow-[0_1px_2px_rgba(15,23,42,0.04)]" aria-label="Tickets">
        {data.tickets.map((t) => {
          const unread = t.unread_by_customer > 0;
          return (
            <li key={t.id} data-ticket-id={t.id} className="relative flex items-start gap-3 px-4 py-4 hover:bg-slate-50 focus-within:bg-brand-50/50 sm:px-5">
              <span aria-hidden="true" className={`mt-2 h-2 w-2 shrink-0 rounded-full ${unread ? "bg-brand-600" : "bg-transparent"}`} />
              <div className="min-w-0 flex-1">
                <div className="flex items-start justify-between gap-3">
                  <Link href={`/portal/tickets/${t.id}/`} prefetch={false}
                    className={`min-w-0 truncate text-[15px] outline-none after:absolute after:inset-0 focus-visible:underline ${unread ? "font-semibold text-slate-900" : "font-medium text-slate-800"}`}>
                    {t.subject}
                  </Link>
                  <UnreadBadge count={t.unread_by_customer} label="new replies" />
                </div>
                <div className="mt-1.5 flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-slate-500">
                  <StatusPill status={t.status} audience="customer" />
                  <span className="font-mono">{t.ticket_number}</span>
                  <span>Last activity <RelativeTime iso={t.last_message_at!} /></span>
                </div>
              </div>
            </li>
          );
        })}
      </ul>
      {(data.prev || data.next) && (
        <nav aria-label="Pages" className="mt-4 flex justify-between text-sm">
          {data.prev ? <Link className="font-medium text-brand-700 hover:underline" href={`/portal/?cursor=${encodeURIComponent(data.prev)}`}>← Newer</Link> : <span />}
          {data.next ? <Link className="font-medium text-brand-700 hover:underline" href={`/portal/?cursor=${encodeURIComponent(data.next)}`}>Older →</Link> : <span />}
        </nav>
      )}
    </>
  );
}
