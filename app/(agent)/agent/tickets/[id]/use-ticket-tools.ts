"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useMemo, useRef } from "react";
import { api } from "@/lib/api-client/client";
import type { ApiTicket } from "@/components/types";
import type { CollisionGuard } from "@/components/thread/reply-box";
import type { MacroSource } from "@/components/thread/macro-picker";
import { renderMacro } from "@/lib/domain/macros/render-macro";
import type { AgentSummary } from "@/lib/domain/users/list-agents";
import { fetchTicketView } from "../../_lib/ticket-fetch";
import type { TicketView } from "../../_lib/ticket-data";
import { describeChanges } from "./describe-changes";

type Seen = { view: TicketView; messageIds: Set<string> };
const seenOf = (view: TicketView): Seen => ({ view, messageIds: new Set(view.messages.map((m) => m.id)) });

/**
 * The reply box's agent tools for one ticket: the collision guard and the macro source.
 *
 * "Seen" is the ticket as the agent last acknowledged it: when the page opened, after their
 * own edits and posts, and after they chose Review on a warning. Live updates refresh what is
 * on screen but do not move it, so a reply or change by someone else since is always asked
 * about before sending (a reply that changes no ticket field keeps the ETag, so new messages
 * are compared too), and the post carries If-Match of the seen version for the server's check.
 */
export function useTicketTools({ id, queryKey, data, self, agents }: {
  id: string;
  queryKey: unknown[];
  data: TicketView;
  self: { id: string; name: string; email: string };
  agents: AgentSummary[];
}) {
  const qc = useQueryClient();
  const seen = useRef<Seen>(seenOf(data));
  const latest = useRef(data);
  latest.current = data;

  const fresh = () => qc.fetchQuery({ queryKey, queryFn: () => fetchTicketView(id), staleTime: 0 });
  const acknowledge = async () => {
    seen.current = seenOf(await fresh().catch(() => latest.current));
  };

  const collision = useMemo<CollisionGuard>(() => ({
    changes: async () => describeChanges(seen.current, await fresh(), self.id, agents),
    headers: (anyway) => ({ "If-Match": anyway ? latest.current.etag : seen.current.view.etag }),
    acknowledge,
  }), [id]); // eslint-disable-line react-hooks/exhaustive-deps

  const macros = useMemo<MacroSource>(() => ({
    search: async (q) => (await api.GET("/api/v1/support/macros/", { query: { search: q || undefined, page_size: 8 } })).data.results,
    apply: async (m) => {
      // Conditional on the version the agent has seen, like a reply: a changed ticket is refused.
      const { data: applied, headers } = await api.POST("/api/v1/support/tickets/{id}/apply-macro/", {
        path: { id }, body: { macro: m.id }, headers: { "If-Match": seen.current.view.etag },
      });
      qc.setQueryData<TicketView>(queryKey, (old) => (old ? { ...old, ticket: applied.ticket, etag: headers.get("etag") ?? old.etag } : old));
      await acknowledge();
    },
    render: (body) => {
      const v = latest.current;
      const customer = v.parties.requester ?? v.parties.contact;
      const t = v.ticket;
      return renderMacro(body, {
        customer: customer ? { name: customer.name, email: customer.email } : null,
        ticket: { number: t.ticket_number, subject: t.subject, status: t.status, priority: t.priority },
        agent: { name: self.name, email: self.email },
      });
    },
  }), [id]); // eslint-disable-line react-hooks/exhaustive-deps

  return {
    collision,
    macros,
    /** The agent's own PATCH: its result is seen (the messages stay as seen before). */
    ownEdit: (ticket: ApiTicket, etag: string | null) => {
      if (etag) seen.current = { ...seen.current, view: { ...seen.current.view, ticket, etag } };
    },
  };
}
