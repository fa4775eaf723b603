"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect } from "react";
import { api } from "@/lib/api-client/client";
import { StatusPill } from "@/components/badges";
import { MessageList } from "@/components/thread/message-list";
import { ReplyBox } from "@/components/thread/reply-box";
import { AbsoluteTime } from "@/components/time/absolute-time";
import { RelativeTime } from "@/components/time/relative-time";
import { liveLabel, pollWhileDown, useLiveUpdates } from "@/components/realtime/use-live-updates";
import { fetchPortalThread } from "../../_lib/portal-fetch";
import type { PortalThread } from "../../_lib/portal-data";

const POLL_MS = 10_000;

/** The public conversation of one ticket; support's replies appear as they land (stream events, polling while the stream is down). */
export function PortalThreadView({ initial, renderedAt, selfId, created }: {
  initial: PortalThread;
  renderedAt: number;
  selfId: string;
  created: boolean;
}) {
  const id = initial.ticket.id;
  const key = ["thread", id, renderedAt];
  const qc = useQueryClient();
  const live = useLiveUpdates([["thread", id]], { ticket: id });
  const { data, isError } = useQuery({ queryKey: key, queryFn: () => fetchPortalThread(id), initialData: initial, refetchInterval: pollWhileDown(live, POLL_MS) });
  const t = data.ticket;
  // A reply that arrives while the thread is open counts as read.
  useEffect(() => {
    if (t.unread_by_customer > 0 && document.visibilityState === "visible") {
      api.POST("/api/v1/support/tickets/{id}/mark-read/", { path: { id } }).catch(() => undefined);
    }
  }, [t.unread_by_customer, id]);
  const closed = t.status === "resolved" || t.status === "closed";
  return (
    <main>
      <nav aria-label="Breadcrumb" className="mb-3 text-sm">
        <Link href="/portal/" className="text-slate-600 hover:text-slate-900 hover:underline">← My tickets</Link>
      </nav>
      {created && (
        <p role="status" className="mb-4 rounded-lg border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm text-emerald-900">
          Thanks, we have your ticket. We will email you when we reply, and you can follow it here.
        </p>
      )}
      <header className="mb-5">
        <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
          <h1 className="min-w-0 text-2xl font-semibold tracking-tight break-words text-slate-900">{t.subject}</h1>
          <StatusPill status={t.status} audience="customer" />
        </div>
        <p className="mt-1 text-sm text-slate-500">
          <span className="font-mono">{t.ticket_number}</span> · opened <AbsoluteTime iso={t.created_at!} /> · last activity <RelativeTime iso={t.last_message_at!} />
        </p>
        {t.description && <p className="mt-3 text-sm text-slate-700">{t.description}</p>}
        {isError && <p role="alert" className="mt-2 text-sm text-red-700">Could not check for new replies. Retrying…</p>}
        {live === "reconnecting" && <p role="status" data-live-state={live} className="mt-2 text-xs text-slate-500">{liveLabel(live, POLL_MS)}</p>}
      </header>
      {data.messages.length ? (
        <MessageList messages={data.messages} audience="customer" selfId={selfId} />
      ) : t.merged_into ? null : (
        <p className="rounded-xl border border-dashed border-slate-300 bg-white px-4 py-6 text-center text-sm text-slate-500">No messages yet.</p>
      )}
      {t.merged_into && t.status === "closed" ? (
        // Merged into a ticket this customer cannot open (they would have been redirected there): read-only.
        <p data-testid="merged-note" className="mt-6 rounded-lg border border-slate-200 bg-slate-50 px-4 py-3 text-sm text-slate-700">
          This request was merged with another request about the same issue that our team is already handling; your messages were passed on to it. Nothing you
          sent is lost, and you do not need to do anything. For something new, <Link href="/portal/tickets/new/" className="text-brand-700 underline">open a new request</Link>.
        </p>
      ) : (
        <div className="mt-6">
          <h2 className="mb-2 text-sm font-semibold text-slate-900">{closed ? "Need more help? Replying reopens this ticket." : "Reply"}</h2>
          <ReplyBox ticketId={id} allowInternal={false} placeholder="Write your reply…" onPosted={() => qc.invalidateQueries({ queryKey: key })} />
        </div>
      )}
    </main>
  );
}
