"use client";

import { useActionState, useId, useState } from "react";
import { FieldError, FormAlert } from "@/components/field-error";
import { createTicketAction, type NewTicketState } from "../../actions";

const input = "block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 shadow-xs placeholder:text-slate-400 focus:border-brand-500 focus:outline-2 focus:outline-offset-0 focus:outline-brand-500 aria-invalid:border-red-400";
// Server actions accept 1 MB bodies unless next.config raises serverActions.bodySizeLimit.
const MAX_TOTAL_BYTES = 1024 * 1024 - 64 * 1024;

export function NewTicketForm({ orders }: { orders: { id: string; label: string }[] }) {
  const id = useId();
  const [state, action, pending] = useActionState<NewTicketState, FormData>(createTicketAction, { errors: {}, values: {} });
  const [clientError, setClientError] = useState<string | null>(null);
  const err = (k: string) => state.errors[k]?.join(" ");
  const v = state.values;
  const described = (k: string) => (err(k) ? { "aria-invalid": true, "aria-describedby": `${id}-${k}-err` } : {});
  return (
    <form action={action} onSubmit={(e) => {
      const files = (e.currentTarget.elements.namedItem("files") as HTMLInputElement).files;
      const total = Array.from(files ?? []).reduce((n, f) => n + f.size, 0);
      if (total > MAX_TOTAL_BYTES) {
        e.preventDefault();
        setClientError("Attachments are limited to 1 MB in total when opening a ticket. Attach larger files in a reply.");
      } else setClientError(null);
    }} className="space-y-5 rounded-2xl border border-slate-200 bg-white p-5 shadow-sm sm:p-6" noValidate>
      <FormAlert message={err("non_field_errors")} />
      <div>
        <label htmlFor={`${id}-subject`} className="mb-1 block text-sm font-medium text-slate-800">Subject</label>
        <input id={`${id}-subject`} name="subject" required maxLength={255} defaultValue={v.subject} placeholder="e.g. My order arrived damaged" className={input} {...described("subject")} />
        <FieldError id={`${id}-subject-err`} message={err("subject")} />
      </div>
      <div>
        <label htmlFor={`${id}-message`} className="mb-1 block text-sm font-medium text-slate-800">Message</label>
        <textarea id={`${id}-message`} name="initial_message" rows={6} required defaultValue={v.initial_message}
          placeholder="What happened, and what would you like us to do?" className={input} {...described("initial_message")} />
        <FieldError id={`${id}-initial_message-err`} message={err("initial_message")} />
      </div>
      <div>
        <label htmlFor={`${id}-description`} className="mb-1 block text-sm font-medium text-slate-800">
          Short description <span className="font-normal text-slate-500">(optional)</span>
        </label>
        <input id={`${id}-description`} name="description" defaultValue={v.description} placeholder="One line we can see at a glance" className={input} {...described("description")} />
        <FieldError id={`${id}-description-err`} message={err("description")} />
      </div>
      <div>
        <label htmlFor={`${id}-order`} className="mb-1 block text-sm font-medium text-slate-800">
          Related order <span className="font-normal text-slate-500">(optional)</span>
        </label>
        <select id={`${id}-order`} name="order" defaultValue={v.order ?? ""} className={input} {...described("order")}>
          <option value="">{orders.length ? "Not about a specific order" : "You have no orders on file"}</option>
          {orders.map((o) => <option key={o.id} value={o.id}>{o.label}</option>)}
        </select>
        <FieldError id={`${id}-order-err`} message={err("order")} />
      </div>
      <div>
        <label htmlFor={`${id}-files`} className="mb-1 block text-sm font-medium text-slate-800">
          Attachments <span className="font-normal text-slate-500">(optional: screenshots, PDFs, documents)</span>
        </label>
        <input id={`${id}-files`} name="files" type="file" multiple
          className="block w-full text-sm text-slate-700 file:mr-3 file:rounded-md file:border-0 file:bg-slate-100 file:px-3 file:py-1.5 file:text-sm file:font-medium file:text-slate-800 hover:file:bg-slate-200"
          {...(err("files") || clientError ? { "aria-invalid": true, "aria-describedby": `${id}-files-err` } : {})} />
        <FieldError id={`${id}-files-err`} message={clientError ?? err("files")} />
      </div>
      <div className="flex items-center justify-end gap-3 border-t border-slate-100 pt-4">
        <a href="/portal/" className="rounded-lg px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100">Cancel</a>
        <button type="submit" disabled={pending} className="rounded-lg bg-brand-600 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-brand-700 disabled:opacity-60">
          {pending ? "Sending…" : "Send ticket"}
        </button>
      </div>
    </form>
  );
}
