"use client";

import { useState } from "react";
import { api } from "@/lib/api-client/client";
import { asApiError } from "@/lib/api-client/errors";
import { FormAlert } from "@/components/field-error";

const LABELS: Record<string, [string, string]> = {
  ticket_created: ["New tickets", "When a customer opens a ticket."],
  customer_reply: ["Customer replies", "When a customer replies on a ticket you are assigned to or watch."],
  ticket_update: ["Ticket updates", "When a ticket you follow changes status or owner."],
  sla_warning: ["SLA warnings", "Before a ticket assigned to you or your team breaches its SLA."],
  sla_breached: ["SLA breaches", "When a ticket assigned to you or your team breaches its SLA (admins: any ticket)."],
};

/** One switch per notification kind, saved through PUT /api/v1/support/notification-preferences/. */
export function PreferencesForm({ initial }: { initial: Record<string, boolean> }) {
  const [prefs, setPrefs] = useState(initial);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  async function toggle(kind: string, on: boolean) {
    const next = { ...prefs, [kind]: on };
    setPrefs(next);
    setError(null);
    try {
      const { data } = await api.PUT("/api/v1/support/notification-preferences/", { body: next });
      setPrefs(data);
      setStatus("Saved.");
    } catch (e) {
      setPrefs(prefs);
      setError(asApiError(e).message);
    }
  }
  return (
    <fieldset className="divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white">
      <legend className="sr-only">Email notifications</legend>
      {error && <div className="p-3"><FormAlert message={error} /></div>}
      {Object.keys(prefs).map((kind) => (
        <label key={kind} className="flex cursor-pointer items-start gap-3 px-4 py-3">
          <input type="checkbox" checked={prefs[kind]} onChange={(e) => toggle(kind, e.target.checked)}
            className="mt-0.5 h-4 w-4 rounded border-slate-300 text-brand-600 focus:ring-brand-500" />
          <span>
            <span className="block text-sm font-medium text-slate-900">{LABELS[kind]?.[0] ?? kind.replace(/_/g, " ")}</span>
            <span className="block text-xs text-slate-500">{LABELS[kind]?.[1]}</span>
          </span>
        </label>
      ))}
      <p role="status" className="px-4 py-2 text-xs text-slate-500">{status}</p>
    </fieldset>
  );
}
