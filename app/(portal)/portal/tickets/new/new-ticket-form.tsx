"use client";

import { startTransition, useActionState, useId, useState } from "react";
import { FieldError, FormAlert } from "@/components/field-error";
import { FilePreview } from "@/components/thread/file-preview";
import { useFileDrop } from "@/components/thread/use-file-drop";
import { createTicketAction, type NewTicketState } from "../../actions";

const input = "block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 shadow-xs placeholder:text-slate-500 focus:border-brand-500 focus:outline-2 focus:outline-offset-0 focus:outline-brand-500 aria-invalid:border-red-400";

export interface UploadLimits {
  maxFileBytes: number;
  maxFiles: number;
}

function megabytes(n: number): string {
  return `${Math.round((n / 1048576) * 10) / 10} MB`;
}

/**
 * The portal's new-ticket form. Attachments follow the API's own limits (UPLOAD_MAX_FILE_MB per
 * file, UPLOAD_MAX_FILES files, handed down by the page), may be dropped on the form, and image
 * files show a thumbnail. The picked files are kept in state, so a submission refused for another
 * field does not lose them. Without JavaScript it is a plain multipart form post.
 */
export function NewTicketForm({ orders, limits }: { orders: { id: string; label: string }[]; limits: UploadLimits }) {
  const id = useId();
  const [state, action, pending] = useActionState<NewTicketState, FormData>(createTicketAction, { errors: {}, values: {} });
  const [files, setFiles] = useState<File[]>([]);
  const [clientError, setClientError] = useState<string | null>(null);
  const err = (k: string) => state.errors[k]?.join(" ");
  const v = state.values;
  const described = (k: string) => (err(k) ? { "aria-invalid": true, "aria-describedby": `${id}-${k}-err` } : {});

  function addFiles(list: FileList | null | undefined) {
    const picked = Array.from(list ?? []);
    const big = picked.find((f) => f.size > limits.maxFileBytes);
    const room = limits.maxFiles - files.length;
    const ok = picked.filter((f) => f.size <= limits.maxFileBytes).slice(0, Math.max(0, room));
    setClientError(
      big ? `"${big.name}" is larger than ${megabytes(limits.maxFileBytes)}, the limit per file.`
        : picked.length > room ? `Attach at most ${limits.maxFiles} files.` : null,
    );
    if (ok.length) setFiles([...files, ...ok]);
  }
  const { dragging, dropProps } = useFileDrop(addFiles);
  const fileError = clientError ?? err("files");

  return (
    <form action={action} noValidate
      onSubmit={(e) => {
        // With JavaScript the files come from state (picked, dropped), not from the input.
        e.preventDefault();
        const data = new FormData(e.currentTarget);
        data.delete("files");
        for (const f of files) data.append("files", f);
        startTransition(() => action(data));
      }}
      {...dropProps}
      className={`space-y-5 rounded-2xl border bg-white p-5 shadow-sm sm:p-6 ${dragging ? "border-brand-500 ring-4 ring-brand-100" : "border-slate-200"}`}>
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
          Attachments <span className="font-normal text-slate-600">(optional: photos, screenshots, PDFs, documents; up to {limits.maxFiles} files of {megabytes(limits.maxFileBytes)} each, or drop them here)</span>
        </label>
        <input id={`${id}-files`} name="files" type="file" multiple
          onChange={(e) => { addFiles(e.target.files); e.target.value = ""; }}
          className="block w-full text-sm text-slate-700 file:mr-3 file:rounded-md file:border-0 file:bg-slate-100 file:px-3 file:py-1.5 file:text-sm file:font-medium file:text-slate-800 hover:file:bg-slate-200"
          {...(fileError ? { "aria-invalid": true, "aria-describedby": `${id}-files-err` } : {})} />
        {files.length > 0 && (
          <ul className="mt-2 flex flex-wrap gap-2" aria-label="Files to attach">
            {files.map((f, i) => (
              <li key={`${f.name}-${i}`} data-testid="picked-file" className="inline-flex items-center gap-2 rounded-lg border border-slate-200 bg-slate-50 py-1 pr-2 pl-1 text-xs text-slate-700">
                <FilePreview file={f} className="h-10 w-10" />
                <span className="max-w-[12rem] truncate font-medium">{f.name}</span>
                <span className="text-slate-600">{megabytes(f.size)}</span>
                <button type="button" aria-label={`Remove ${f.name}`} onClick={() => { setFiles(files.filter((_, j) => j !== i)); setClientError(null); }}
                  className="rounded px-1 text-slate-600 hover:bg-slate-200 hover:text-slate-900">×</button>
              </li>
            ))}
          </ul>
        )}
        <FieldError id={`${id}-files-err`} message={fileError} />
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
