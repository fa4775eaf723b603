"use client";

import { agentName, priorityLabel, statusLabel } from "@/components/badges";
import type { ApiTicket } from "@/components/types";
import type { components } from "@/lib/api-client/schema";
import { PRIORITIES, STATUSES } from "@/lib/schemas/common";
import type { TicketCapabilities } from "@/lib/domain/policy";
import type { AgentSummary } from "@/lib/domain/users/list-agents";
import { TagEditor } from "./tag-editor";

type TicketPatch = components["schemas"]["SupportTicketUpdate"];

const select = "h-8 w-full rounded-md border border-slate-300 bg-white px-2 text-sm text-slate-800 shadow-xs disabled:bg-slate-50 disabled:text-slate-500 focus:border-brand-500 focus:outline-2 focus:outline-offset-0 focus:outline-brand-500";

/**
 * Status, priority, assignee and watchers. Every change is one PATCH. Controls the policy
 * would refuse are disabled with the reason; the flags come from the server's policy (the
 * API still enforces it), so no rule is decided here.
 */
export function PropertiesPanel({ ticket: t, agents, selfId, can, pending, onChange }: {
  ticket: ApiTicket;
  agents: AgentSummary[];
  selfId: string;
  can: TicketCapabilities;
  pending: boolean;
  onChange: (body: TicketPatch) => void;
}) {
  const why = "Only the assignee or an admin can change this.";
  const watching = new Set(t.watchers);
  return (
    <section aria-labelledby="props-title" className="rounded-xl border border-slate-200 bg-white">
      <div className="flex items-center justify-between border-b border-slate-100 px-4 py-2.5">
        <h2 id="props-title" className="text-sm font-semibold text-slate-900">Properties</h2>
        {pending && <span role="status" className="text-xs text-slate-500">Saving…</span>}
      </div>
      <div className="space-y-3 px-4 py-3">
        <Row label="Status" htmlFor="p-status" hint={can.canChangeStatus ? undefined : why}>
          <select id="p-status" className={select} value={t.status} disabled={pending || !can.canChangeStatus}
            onChange={(e) => onChange({ status: e.target.value as TicketPatch["status"] })}>
            {STATUSES.map((s) => <option key={s} value={s}>{statusLabel(s)}</option>)}
          </select>
        </Row>
        <Row label="Priority" htmlFor="p-priority">
          <select id="p-priority" className={select} value={t.priority} disabled={pending || !can.canUpdate}
            onChange={(e) => onChange({ priority: e.target.value as TicketPatch["priority"] })}>
            {PRIORITIES.map((p) => <option key={p} value={p}>{priorityLabel(p)}</option>)}
          </select>
        </Row>
        <Row label="Assignee" htmlFor="p-assignee" hint={can.canAssign ? undefined : why}>
          <div className="flex gap-2">
            <select id="p-assignee" className={select} value={t.assigned_to ?? ""} disabled={pending || !can.canAssign}
              onChange={(e) => onChange({ assigned_to: e.target.value || null })}>
              <option value="">Unassigned</option>
              {agents.filter((a) => !a.deactivated || a.id === t.assigned_to).map((a) => (
                <option key={a.id} value={a.id} disabled={a.deactivated}>{a.id === selfId ? `${a.name || a.email} (you)` : agentName(a)}</option>
              ))}
            </select>
            {can.canAssignToSelf && (
              <button type="button" disabled={pending} onClick={() => onChange({ assigned_to: selfId })}
                className="shrink-0 rounded-md border border-slate-300 bg-white px-2.5 text-sm font-medium text-slate-700 shadow-xs hover:bg-slate-50 disabled:opacity-60">
                Assign to me
              </button>
            )}
          </div>
        </Row>
        <TagEditor tags={t.tags} disabled={!can.canUpdate} busy={pending} onChange={(tags) => onChange({ tags })} />
        <fieldset>
          <legend className="mb-1 text-xs font-medium text-slate-600">Watchers</legend>
          <div className="flex flex-wrap gap-1.5">
            {t.watchers.length === 0 && <span className="text-sm text-slate-500">Nobody is watching</span>}
            {agents.filter((a) => watching.has(a.id)).map((a) => (
              <span key={a.id} className="rounded-full bg-slate-100 px-2 py-0.5 text-xs text-slate-700">{agentName(a)}</span>
            ))}
          </div>
          <details className="mt-2 text-sm">
            <summary className="cursor-pointer text-xs font-medium text-brand-700 hover:underline">Manage watchers</summary>
            <ul className="mt-2 max-h-48 space-y-1 overflow-auto">
              {agents.filter((a) => !a.deactivated || watching.has(a.id)).map((a) => (
                <li key={a.id}>
                  <label className="flex items-center gap-2 text-sm text-slate-700">
                    <input type="checkbox" checked={watching.has(a.id)} disabled={pending || !can.canUpdate}
                      className="h-4 w-4 rounded border-slate-300 text-brand-600 focus:ring-brand-500"
                      onChange={(e) => onChange({ watchers: e.target.checked ? [...t.watchers, a.id] : t.watchers.filter((w) => w !== a.id) })} />
                    {a.name || a.email}{a.id === selfId && " (you)"}
                  </label>
                </li>
              ))}
            </ul>
          </details>
        </fieldset>
      </div>
    </section>
  );
}

function Row({ label, htmlFor, hint, children }: { label: string; htmlFor: string; hint?: string; children: React.ReactNode }) {
  return (
    <div>
      <label htmlFor={htmlFor} className="mb-1 block text-xs font-medium text-slate-600">{label}</label>
      {children}
      {hint && <p className="mt-1 text-xs text-slate-500">{hint}</p>}
    </div>
  );
}
