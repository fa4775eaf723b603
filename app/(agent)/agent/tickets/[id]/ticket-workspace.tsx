"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useState } from "react";
import { api } from "@/lib/api-client/client";
import { asApiError } from "@/lib/api-client/errors";
import { PriorityMarker, StatusPill, channelLabel } from "@/components/badges";
import { SlaCountdown } from "@/components/sla-countdown";
import { MessageList } from "@/components/thread/message-list";
import { ReplyBox } from "@/components/thread/reply-box";
import { RelativeTime } from "@/components/time/relative-time";
import { liveLabel, pollWhileDown, useLiveUpdates } from "@/components/realtime/use-live-updates";
import { PresenceBar, usePresence } from "@/components/realtime/presence";
import type { AgentSummary } from "@/lib/domain/users/list-agents";
import type { components } from "@/lib/api-client/schema";
import { fetchTicketView } from "../../_lib/ticket-fetch";
import type { TicketView } from "../../_lib/ticket-data";
import { MergeDialog } from "./merge-dialog";
import { PropertiesPanel } from "./properties-panel";
import { AiSummaryCard, CustomerCard, TimelineCard } from "./sidebar-cards";
import { useTicketTools } from "./use-ticket-tools";

export const TICKET_POLL_MS = 5_000;
type Patch = components["schemas"]["SupportTicketUpdate"];

/**
 * The ticket as the agent works it. Other agents' replies and edits appear without a reload
 * (refetched on the realtime stream's events; polled while the stream is down); edits are PATCHed with the ETag of the version on screen, so an edit based on a
 * version someone else has since changed is refused (412) and explained, never applied.
 */
export function TicketWorkspace({ initial, renderedAt, agents, self }: {
  initial: TicketView;
  renderedAt: number;
  agents: AgentSummary[];
  self: { id: string; name: string; email: string };
}) {
  const id = initial.ticket.id;
  const qc = useQueryClient();
  const key = ["ticket", id, renderedAt];
  const presence = usePresence(id, self.id);
  const live = useLiveUpdates([["ticket", id]], { ticket: id }, presence.onPresence);
  const { data, isError } = useQuery({
    queryKey: key,
    queryFn: () => fetchTicketView(id),
    initialData: initial,
    refetchInterval: pollWhileDown(live, TICKET_POLL_MS),
  });
  const [notice, setNotice] = useState<{ tone: "error" | "info"; text: string } | null>(null);
  const t = data.ticket;
  // The flags are the server's for one version of the ticket. After our own PATCH the ticket
  // on screen is newer than its flags until the refetch lands; the controls wait for it.
  const flagsStale = data.capabilitiesFor !== data.etag;
  const tools = useTicketTools({ id, queryKey: key, data, self, agents });

  // A customer reply arriving while the ticket is open is read by being on screen.
  useEffect(() => {
    if (t.unread_by_agent > 0 && document.visibilityState === "visible") {
      api.POST("/api/v1/support/tickets/{id}/mark-read/", { path: { id } })
        .then(() => qc.invalidateQueries({ queryKey: key }))
        .catch(() => undefined);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [t.unread_by_agent, id]);

  const patch = useMutation({
    mutationFn: (body: Patch) => api.PATCH("/api/v1/support/tickets/{id}/", { path: { id }, body, headers: { "If-Match": data.etag } }),
    onMutate: () => setNotice(null),
    onSuccess: ({ data: ticket, headers }) => {
      qc.setQueryData<TicketView>(key, (old) => (old ? { ...old, ticket, etag: headers.get("etag") ?? old.etag } : old));
      qc.invalidateQueries({ queryKey: key }); // new events for the timeline
      tools.ownEdit(ticket, headers.get("etag"));
    },
    onError: (e) => {
      // A stale edit (412) reads as the shared stale-ticket message; either way, show the latest.
      setNotice({ tone: "error", text: asApiError(e).message });
      qc.invalidateQueries({ queryKey: key });
    },
  });

  return (
    <main className="flex min-h-screen flex-col">
      <header className="border-b border-slate-200 bg-white px-6 py-4">
        <nav aria-label="Breadcrumb" className="text-xs text-slate-500">
          <Link href="/agent/" className="hover:text-slate-900 hover:underline">Queue</Link>
          <span aria-hidden="true"> / </span>
          <span className="font-mono">{t.ticket_number}</span>
        </nav>
        <div className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-2">
          <h1 className="min-w-0 text-xl font-semibold tracking-tight text-slate-900">{t.subject}</h1>
          <StatusPill status={t.status} />
          <PriorityMarker priority={t.priority} />
          {(t.sla_due_at || t.sla_paused) && <SlaCountdown due={t.sla_due_at} status={t.status} paused={t.sla_paused} />}
          <span className="ml-auto">
            {t.merged_into ? (
              <Link href={`/agent/tickets/${t.merged_into}/`} className="text-xs font-medium text-brand-700 hover:underline">Merged into another ticket →</Link>
            ) : <MergeDialog ticket={t} etag={data.etag} />}
          </span>
        </div>
        <p className="mt-1 text-xs text-slate-500">
          Opened <RelativeTime iso={t.created_at!} /> via {channelLabel(t.channel)}
          {t.category && <> · {t.category}</>} · last activity <RelativeTime iso={t.last_message_at!} />
          {isError && <span className="ml-2 text-red-700">· could not refresh, retrying…</span>}
          {live === "reconnecting" && <span data-live-state={live} className="ml-2">· {liveLabel(live, TICKET_POLL_MS)}</span>}
        </p>
        <PresenceBar others={presence.others} />
      </header>
      {notice && (
        <div role="alert" className={`mx-6 mt-4 flex items-start justify-between gap-4 rounded-lg border px-4 py-3 text-sm ${notice.tone === "error" ? "border-red-200 bg-red-50 text-red-800" : "border-sky-200 bg-sky-50 text-sky-900"}`}>
          <p>{notice.text}</p>
          <button type="button" onClick={() => setNotice(null)} className="shrink-0 text-xs font-medium underline">Dismiss</button>
        </div>
      )}
      <div className="grid flex-1 gap-6 px-6 py-5 xl:grid-cols-[minmax(0,1fr)_22rem]">
        <section aria-label="Conversation" className="min-w-0 space-y-4">
          {t.description && (
            <div className="rounded-xl border border-slate-200 bg-white px-4 py-3">
              <h2 className="text-xs font-semibold uppercase tracking-wide text-slate-500">Description</h2>
              <p className="mt-1 whitespace-pre-wrap text-sm leading-6 text-slate-800">{t.description}</p>
            </div>
          )}
          {data.messages.length ? (
            <MessageList messages={data.messages} audience="agent" selfId={self.id} />
          ) : (
            <p className="rounded-xl border border-dashed border-slate-300 bg-white px-4 py-6 text-center text-sm text-slate-500">No messages yet.</p>
          )}
          <div onInput={presence.onInput}>
            <ReplyBox ticketId={id} allowInternal={data.capabilities.canPostInternal} onPosted={() => qc.invalidateQueries({ queryKey: key })}
              sendAndSet collision={tools.collision} macros={tools.macros} />
          </div>
        </section>
        <aside aria-label="Ticket details" className="space-y-4">
          <PropertiesPanel ticket={t} agents={agents} selfId={self.id} can={data.capabilities}
            pending={patch.isPending || flagsStale} onChange={(body) => patch.mutate(body)} />
          {t.ai_summary && <AiSummaryCard summary={t.ai_summary} score={t.ai_confidence_score} autoResolved={!!t.ai_auto_resolved} />}
          <CustomerCard parties={data.parties} />
          <TimelineCard events={data.events} agents={agents} />
        </aside>
      </div>
    </main>
  );
}
