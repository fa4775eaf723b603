"use client";

import { useState } from "react";
import { api } from "@/lib/api-client/client";
import { asApiError } from "@/lib/api-client/errors";
import { FormAlert } from "@/components/field-error";

type Values = { public_ticket_form: boolean; auto_assign_on_reply: boolean };

const SWITCHES: { key: keyof Values; title: string; help: React.ReactNode }[] = [
  {
    key: "public_ticket_form",
    title: "Public ticket form",
    help: (
      <>
        Anyone may open a ticket at <a href="/contact/" className="font-medium text-brand-700 hover:underline">/contact/</a> with an email address, without an
        account. Replies go by email; signing up with the address shows the ticket. Protected by a per-address rate limit and a honeypot field.
      </>
    ),
  },
  {
    key: "auto_assign_on_reply",
    title: "Assign on first reply",
    help: "An agent's first public reply on an unassigned ticket assigns it to them.",
  },
];

/** One switch per setting; each change is saved at once and the server's answer shown. */
export function SettingsForm({ initial }: { initial: Values }) {
  const [values, setValues] = useState(initial);
  const [pending, setPending] = useState<keyof Values | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  async function toggle(key: keyof Values) {
    setPending(key);
    setError(null);
    setSaved(null);
    try {
      const r = await api.PATCH("/api/v1/admin/settings/", { body: { [key]: !values[key] } });
      setValues(r.data);
      setSaved("Saved.");
    } catch (e) {
      setError(asApiError(e).message);
    } finally {
      setPending(null);
    }
  }
  return (
    <section aria-label="App settings" className="divide-y divide-slate-100 rounded-2xl border border-slate-200 bg-white shadow-sm">
      {SWITCHES.map((s) => (
        <div key={s.key} className="flex items-start gap-4 p-5">
          <div className="min-w-0 flex-1">
            <p id={`${s.key}-label`} className="text-sm font-semibold text-slate-900">{s.title}</p>
            <p className="mt-1 text-sm text-slate-600">{s.help}</p>
          </div>
          <button
            type="button"
            role="switch"
            aria-checked={values[s.key]}
            aria-labelledby={`${s.key}-label`}
            disabled={pending !== null}
            onClick={() => toggle(s.key)}
            className={`relative inline-flex h-6 w-11 shrink-0 rounded-full transition ${values[s.key] ? "bg-brand-600" : "bg-slate-300"} disabled:opacity-60`}
          >
            <span aria-hidden="true" className={`absolute top-0.5 h-5 w-5 rounded-full bg-white shadow transition ${values[s.key] ? "left-5" : "left-0.5"}`} />
          </button>
        </div>
      ))}
      {error || saved ? (
        <div className="p-4">
          <FormAlert message={error} />
          {saved ? <p role="status" className="text-sm text-emerald-800">{saved}</p> : null}
        </div>
      ) : null}
    </section>
  );
}
