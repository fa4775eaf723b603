import { agentName, ConfidenceBadge, priorityLabel, statusLabel } from "@/components/badges";
import { AbsoluteTime } from "@/components/time/absolute-time";
import { RelativeTime } from "@/components/time/relative-time";
import type { ApiEvent } from "@/components/types";
import type { AgentSummary } from "@/lib/domain/users/list-agents";
import type { TicketView } from "../../_lib/ticket-data";

function Card({ title, children, testId }: { title: React.ReactNode; children: React.ReactNode; testId?: string }) {
  return (
    <section data-testid={testId} className="rounded-xl border border-slate-200 bg-white">
      <h2 className="border-b border-slate-100 px-4 py-2.5 text-sm font-semibold text-slate-900">{title}</h2>
      <div className="px-4 py-3">{children}</div>
    </section>
  );
}

/** Agents only: the summary is derived from the whole thread, internal notes included. */
export function AiSummaryCard({ summary, score, autoResolved }: { summary: string; score: number | null; autoResolved: boolean }) {
  return (
    <Card testId="ai-summary" title={<span className="flex items-center gap-2">
      <svg aria-hidden="true" viewBox="0 0 20 20" className="h-4 w-4 text-violet-600" fill="currentColor"><path d="M10 2l1.6 4.4L16 8l-4.4 1.6L10 14l-1.6-4.4L4 8l4.4-1.6L10 2Zm5 9 .8 2.2L18 14l-2.2.8L15 17l-.8-2.2L12 14l2.2-.8L15 11Z" /></svg>
      AI summary</span>}>
      <div className="mb-2 flex flex-wrap gap-2">
        <ConfidenceBadge score={score} />
        {autoResolved && <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs text-slate-700">Auto-resolved</span>}
      </div>
      <p className="whitespace-pre-wrap text-sm leading-6 text-slate-700">{summary}</p>
    </Card>
  );
}

export function CustomerCard({ parties }: { parties: TicketView["parties"] }) {
  const { requester, contact, order } = parties;
  return (
    <Card title="Customer" testId="customer-card">
      {!requester && !contact ? (
        <p className="text-sm text-slate-500">No customer linked.</p>
      ) : (
        <dl className="space-y-2 text-sm">
          {requester && (
            <div>
              <dt className="text-xs text-slate-500">Requester</dt>
              <dd className="font-medium text-slate-900">{requester.name || requester.email}</dd>
              <dd><a className="text-brand-700 hover:underline" href={`mailto:${requester.email}`}>{requester.email}</a></dd>
            </div>
          )}
          {contact && (
            <div>
              <dt className="text-xs text-slate-500">CRM contact</dt>
              <dd className="text-slate-800">{contact.name || contact.email}{contact.company && <span className="text-slate-500"> · {contact.company}</span>}</dd>
              {contact.email !== requester?.email && <dd className="text-slate-600">{contact.email}</dd>}
            </div>
          )}
        </dl>
      )}
      <div className="mt-3 border-t border-slate-100 pt-3">
        <p className="text-xs text-slate-500">Order</p>
        {order ? (
          <div className="mt-0.5 text-sm">
            <p className="font-medium text-slate-900"><span className="font-mono">{order.number}</span> <span className="ml-1 rounded bg-slate-100 px-1.5 py-0.5 text-xs font-normal text-slate-700">{order.status}</span></p>
            <p className="text-slate-600">{order.total ? `${order.total} ${order.currency}` : "No total"} · placed <AbsoluteTime iso={order.createdAt} /></p>
          </div>
        ) : <p className="text-sm text-slate-500">No order referenced.</p>}
      </div>
    </Card>
  );
}

function describe(e: ApiEvent, name: (id: unknown) => string): string {
  const d = (e.data ?? {}) as Record<string, unknown>;
  switch (e.type) {
    case "ticket_created": return "opened the ticket";
    case "status_changed": return `changed status from ${statusLabel(String(d.from))} to ${statusLabel(String(d.to))}`;
    case "priority_changed": return `changed priority from ${priorityLabel(String(d.from))} to ${priorityLabel(String(d.to))}`;
    case "assignment_changed": return d.to ? `assigned it to ${name(d.to)}` : "unassigned it";
    case "message_created": return "posted a message";
    case "internal_note_created": return "added an internal note";
    case "watchers_changed": return "changed the watchers";
    case "sla_warning": return `SLA warning: ${String(d.clock).replace(/_/g, " ")} due soon`;
    case "sla_breached": return `SLA breached: ${String(d.clock).replace(/_/g, " ")}`;
    case "ticket_updated":
      if (d.action === "follow_up_of") return `opened this ticket as a follow-up to ${String(d.number)}`;
      if (d.action === "followed_up_by") return `followed up in ${String(d.number)}`;
      if (d.action === "merged_into") return `merged this ticket into ${String(d.number)}`;
      if (d.action === "merged_from") return `merged ${String(d.number)} into this ticket`;
      return `updated ${Array.isArray(d.fields) ? d.fields.join(", ").replace(/_/g, " ") : "the ticket"}`;
    default: return String(e.type).replace(/_/g, " ");
  }
}

export function TimelineCard({ events, agents }: { events: ApiEvent[]; agents: AgentSummary[] }) {
  const names = new Map(agents.map((a) => [a.id, agentName(a)]));
  const name = (id: unknown) => (typeof id === "string" ? (names.get(id) ?? "an agent") : "someone");
  return (
    <Card title="Timeline" testId="timeline">
      {events.length === 0 ? <p className="text-sm text-slate-500">Nothing has happened yet.</p> : (
        <ol className="relative space-y-3 border-l border-slate-200 pl-4">
          {events.slice(0, 6).map((e) => <EventItem key={e.id} e={e} text={describe(e, name)} />)}
        </ol>
      )}
      {events.length > 6 && (
        <details className="mt-3">
          <summary className="cursor-pointer text-xs font-medium text-brand-700 hover:underline">Show {events.length - 6} earlier events</summary>
          <ol className="relative mt-3 space-y-3 border-l border-slate-200 pl-4">
            {events.slice(6).map((e) => <EventItem key={e.id} e={e} text={describe(e, name)} />)}
          </ol>
        </details>
      )}
    </Card>
  );
}

function EventItem({ e, text }: { e: ApiEvent; text: string }) {
  return (
            <li className="relative text-sm">
              <span aria-hidden="true" className={`absolute top-1.5 -left-[21px] h-2.5 w-2.5 rounded-full ring-2 ring-white ${e.type === "internal_note_created" ? "bg-amber-500" : e.type === "status_changed" ? "bg-violet-500" : "bg-slate-400"}`} />
              <p className="text-slate-700"><span className="font-medium text-slate-900">{e.actor_name || "System"}</span> {text}</p>
              <RelativeTime iso={e.created_at!} className="text-xs text-slate-500" />
            </li>
  );
}
