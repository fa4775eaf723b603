"use client";

import { useId, useRef, useState } from "react";
import { api } from "@/lib/api-client/client";
import { ApiError, asApiError } from "@/lib/api-client/errors";
import { FieldError, FormAlert } from "../field-error";
import { FilePreview } from "./file-preview";
import { useFileDrop } from "./use-file-drop";
import type { ApiMessage } from "../types";
import { SendMenu, type SendStatus } from "./send-menu";
import { useMacroPicker, type MacroSource } from "./macro-picker";

/**
 * The collision check of an agent's reply: what changed on the ticket since the agent opened
 * it (or last acknowledged it), asked before posting; the post itself carries If-Match so a
 * change in between is refused by the server (412) and explained the same way.
 */
export interface CollisionGuard {
  /** What changed since the version the agent has seen, one line each (empty: nothing). */
  changes: () => Promise<string[]>;
  /** Headers of the post: If-Match of the seen version, or of the latest after "Send anyway". */
  headers: (anyway: boolean) => Record<string, string>;
  /** The agent has seen the ticket as it is now (after Review, or after their own post). */
  acknowledge: () => Promise<void>;
}

const MAX_FILE_BYTES = 10 * 1024 * 1024; // the API's default UPLOAD_MAX_FILE_MB
const MAX_FILES = 5;

/**
 * Reply (and, for agents, internal note) composer. Posts multipart to the messages API so
 * files travel with the text; API errors are shown beside the field they name.
 */
export function ReplyBox({ ticketId, allowInternal, onPosted, placeholder, sendAndSet, collision, macros }: {
  ticketId: string;
  allowInternal: boolean;
  onPosted: (m: ApiMessage) => void;
  placeholder?: string;
  /** Agents: the split Send button ("Send and set pending / resolved"). */
  sendAndSet?: boolean;
  collision?: CollisionGuard;
  macros?: MacroSource;
}) {
  const id = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [mode, setMode] = useState<"reply" | "note">("reply");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [files, setFiles] = useState<File[]>([]);
  const [warning, setWarning] = useState<{ changes: string[]; status?: SendStatus } | null>(null);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const warnRef = useRef<HTMLDivElement>(null);
  const picker = useMacroPicker(textRef, macros && { ...macros, apply: async (m) => { await macros.apply(m); setError(null); } },
    (msg) => setError(ApiError.fromFields({ non_field_errors: [msg] })));

  async function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    await send();
  }

  async function send(status?: SendStatus, anyway = false) {
    const body = textRef.current?.value ?? "";
    if (!body.trim() && files.length === 0) {
      setError(ApiError.fromFields({ body: ["Write a message or attach a file."] }));
      return;
    }
    const big = files.find((f) => f.size > MAX_FILE_BYTES);
    if (big || files.length > MAX_FILES) {
      const msg = big ? `"${big.name}" is larger than 10 MB.` : `Attach at most ${MAX_FILES} files.`;
      setError(ApiError.fromFields({ files: [msg] }));
      return;
    }
    const data = new FormData();
    data.set("ticket", ticketId);
    data.set("body", body);
    if (mode === "note") data.set("is_internal", "true");
    if (status) data.set("status", status);
    for (const f of files) data.append("files", f);
    setPending(true);
    setError(null);
    setWarning(null);
    try {
      if (collision && !anyway) {
        const changes = await collision.changes();
        if (changes.length) return showWarning(changes, status);
      }
      const { data: msg } = await api.POST("/api/v1/support/messages/", { body: data, headers: collision?.headers(anyway) ?? {} });
      formRef.current?.reset();
      setFiles([]);
      await collision?.acknowledge();
      onPosted(msg);
    } catch (err) {
      const ae = asApiError(err);
      // Changed between the check and the post: the server refused it; say what changed.
      if (ae.status === 412 && collision) {
        const changes = await collision.changes().catch(() => []);
        return showWarning(changes.length ? changes : ["The ticket was changed by someone else."], status);
      }
      setError(ae);
    } finally {
      setPending(false);
    }
  }

  function showWarning(changes: string[], status?: SendStatus) {
    setWarning({ changes, status });
    setTimeout(() => warnRef.current?.focus(), 0);
  }

  // Files dropped on the box or pasted into it (a screenshot) join the picked ones.
  const addFiles = (list: FileList | null | undefined) => {
    const added = Array.from(list ?? []);
    if (added.length) setFiles((cur) => [...cur, ...added]);
    return added.length > 0;
  };
  const { dragging, dropProps } = useFileDrop(addFiles);

  const note = mode === "note";
  const bodyErr = error?.field("body") ?? error?.field("is_internal");
  const filesErr = error?.field("files");
  const general = error && !bodyErr && !filesErr ? error.message : null;
  return (
    <form ref={formRef} onSubmit={submit} aria-label={note ? "Add internal note" : "Reply"}
      {...dropProps} data-dragging={dragging ? "true" : undefined}
      className={`rounded-xl border bg-white shadow-sm transition-colors ${dragging ? "border-brand-500 ring-4 ring-brand-100" : note ? "border-amber-300 ring-4 ring-amber-100" : "border-slate-200"}`}>
      {allowInternal && (
        <div role="tablist" aria-label="Message type" className="flex gap-1 border-b border-slate-100 px-2 pt-2">
          {(["reply", "note"] as const).map((m) => (
            <button key={m} type="button" role="tab" aria-selected={mode === m} onClick={() => setMode(m)}
              className={`rounded-t-md px-3 py-1.5 text-sm font-medium ${mode === m ? (m === "note" ? "bg-amber-50 text-amber-900" : "bg-slate-100 text-slate-900") : "text-slate-600 hover:text-slate-900"}`}>
              {m === "reply" ? "Reply to customer" : "Internal note"}
            </button>
          ))}
        </div>
      )}
      <div className="p-3">
        <FormAlert message={general} />
        <label htmlFor={`${id}-body`} className="sr-only">{note ? "Internal note" : "Your message"}</label>
        <textarea ref={textRef} id={`${id}-body`} name="body" rows={4} {...picker.textareaProps} aria-invalid={!!bodyErr} aria-describedby={bodyErr ? `${id}-body-err` : undefined}
          placeholder={note ? "Only agents will see this note…" : (placeholder ?? "Write a reply…")}
          onKeyDown={(e) => {
            if (picker.onKeyDown(e)) return;
            if (e.key === "Enter" && (e.metaKey || e.ctrlKey)) e.currentTarget.form?.requestSubmit();
          }}
          onPaste={(e) => { if (addFiles(e.clipboardData.files)) e.preventDefault(); }}
          className={`block w-full resize-y rounded-lg border-0 px-1 py-1 text-sm leading-6 text-slate-900 placeholder:text-slate-400 focus:ring-0 focus:outline-none ${note ? "bg-amber-50/40" : ""}`} />
        <FieldError id={`${id}-body-err`} message={bodyErr} />
        {picker.listbox}
        {warning && (
          <div ref={warnRef} tabIndex={-1} role="alertdialog" aria-labelledby={`${id}-warn-title`} aria-describedby={`${id}-warn-list`}
            className="mt-3 rounded-lg border border-amber-300 bg-amber-50 px-3 py-2.5 text-sm text-amber-950 focus:outline-2 focus:outline-amber-600">
            <p id={`${id}-warn-title`} className="font-semibold">This ticket changed since you opened it</p>
            <ul id={`${id}-warn-list`} className="mt-1 list-disc space-y-0.5 pl-5">
              {warning.changes.map((c, i) => <li key={i}>{c}</li>)}
            </ul>
            <p className="mt-1">Your message has not been sent.</p>
            <div className="mt-2 flex gap-2">
              <button type="button" onClick={() => void send(warning.status, true)} disabled={pending}
                className="rounded-md bg-amber-800 px-3 py-1 text-sm font-semibold text-white hover:bg-amber-900 disabled:opacity-60">
                Send anyway
              </button>
              <button type="button" disabled={pending}
                onClick={async () => { setWarning(null); await collision?.acknowledge(); textRef.current?.focus(); }}
                className="rounded-md border border-amber-400 bg-white px-3 py-1 text-sm font-medium text-amber-950 hover:bg-amber-100">
                Review
              </button>
            </div>
          </div>
        )}
        {files.length > 0 && (
          <ul className="mt-2 flex flex-wrap gap-2" aria-label="Files to attach">
            {files.map((f, i) => (
              <li key={`${f.name}-${i}`} className="inline-flex items-center gap-1.5 rounded-md bg-slate-100 px-2 py-1 text-xs text-slate-700">
                <FilePreview file={f} />
                {f.name}
                <button type="button" aria-label={`Remove ${f.name}`} onClick={() => setFiles(files.filter((_, j) => j !== i))}
                  className="ml-1 rounded text-slate-500 hover:text-slate-900">×</button>
              </li>
            ))}
          </ul>
        )}
        <FieldError id={`${id}-files-err`} message={filesErr} />
      </div>
      <div className="flex items-center justify-between gap-3 border-t border-slate-100 px-3 py-2">
        <label className="inline-flex cursor-pointer items-center gap-1.5 rounded-md px-2 py-1 text-sm text-slate-600 hover:bg-slate-100 hover:text-slate-900 focus-within:outline-2 focus-within:outline-brand-600">
          <svg aria-hidden="true" viewBox="0 0 20 20" className="h-4 w-4" fill="none" stroke="currentColor" strokeWidth="1.5"><path d="M13.5 6.5 7.9 12.1a1.5 1.5 0 0 0 2.1 2.1l6-6a3 3 0 0 0-4.2-4.2l-6.1 6.1a4.5 4.5 0 0 0 6.4 6.4l4.4-4.4" strokeLinecap="round" /></svg>
          Attach files<span className="sr-only">, or drop or paste them into the message</span>
          <input type="file" multiple name="files" className="sr-only" aria-describedby={filesErr ? `${id}-files-err` : undefined}
            onChange={(e) => { setFiles([...files, ...Array.from(e.target.files ?? [])]); e.target.value = ""; }} />
        </label>
        <div className="flex items-center gap-3">
          <span className="hidden text-xs text-slate-500 sm:inline">Ctrl + Enter to send</span>
          {sendAndSet ? (
            <SendMenu label={note ? "Add note" : "Send"} pending={pending || !!picker.busy} onSend={(s) => void send(s)}
              className={note ? "bg-amber-700 hover:bg-amber-800" : "bg-brand-600 hover:bg-brand-700"} />
          ) : (
            <button type="submit" disabled={pending}
              className={`rounded-lg px-4 py-1.5 text-sm font-semibold text-white shadow-sm disabled:opacity-60 ${note ? "bg-amber-700 hover:bg-amber-800" : "bg-brand-600 hover:bg-brand-700"}`}>
              {pending ? "Sending…" : note ? "Add note" : "Send reply"}
            </button>
          )}
        </div>
      </div>
    </form>
  );
}
