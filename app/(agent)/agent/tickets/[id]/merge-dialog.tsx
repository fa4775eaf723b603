"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState } from "react";
import { api } from "@/lib/api-client/client";
import { asApiError } from "@/lib/api-client/errors";
import { StatusPill } from "@/components/badges";

interface Candidate {
  id: string;
  ticket_number: string;
  subject: string;
  status: string;
}

/**
 * "Merge into…": finds the ticket this one duplicates (by number or subject, through the CRM
 * list's search, which covers both), asks for confirmation, merges (with the ETag on screen, so
 * a ticket changed meanwhile is refused) and opens the ticket it was merged into.
 */
export function MergeDialog({ ticket, etag }: { ticket: { id: string; ticket_number: string; subject: string }; etag: string }) {
  const router = useRouter();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [query, setQuery] = useState("");
  const [debounced, setDebounced] = useState("");
  const [chosen, setChosen] = useState<Candidate | null>(null);
  useEffect(() => {
    const t = setTimeout(() => setDebounced(query.trim()), 250);
    return () => clearTimeout(t);
  }, [query]);

  const search = useQuery({
    queryKey: ["merge-candidates", ticket.id, debounced],
    enabled: debounced.length >= 2,
    queryFn: async () => {
      const { data } = await api.GET("/api/v1/tickets/", { query: { search: debounced, page_size: 8 } });
      return data.results
        .filter((t) => t.id !== ticket.id && !t.merged_into)
        .map((t): Candidate => ({ id: t.id, ticket_number: t.ticket_number, subject: t.subject, status: t.status }));
    },
  });

  const merge = useMutation({
    mutationFn: (target: Candidate) =>
      api.POST("/api/v1/support/tickets/{id}/merge/", { path: { id: ticket.id }, body: { target: target.id }, headers: { "If-Match": etag } }),
    onSuccess: ({ data }) => {
      ref.current?.close();
      router.push(`/agent/tickets/${data.target.id}/`);
    },
  });

  const open = () => {
    setQuery("");
    setChosen(null);
    merge.reset();
    ref.current?.showModal();
  };

  return (
    <>
      <button type="button" onClick={open}
        className="rounded-md border border-slate-300 bg-white px-2.5 py-1 text-xs font-medium text-slate-700 hover:bg-slate-50">
        Merge into…
      </button>
      <dialog ref={ref} aria-labelledby={titleId} data-testid="merge-dialog"
        className="m-auto w-full max-w-lg rounded-xl border border-slate-200 p-0 shadow-xl backdrop:bg-slate-900/40">
        <div className="p-5">
          <h2 id={titleId} className="text-base font-semibold text-slate-900">
            Merge <span className="font-mono">{ticket.ticket_number}</span> into another ticket
          </h2>
          {!chosen ? (
            <>
              <label className="mt-4 block text-sm font-medium text-slate-700">
                Find the ticket by number or subject
                <input type="search" autoFocus value={query} onChange={(e) => setQuery(e.target.value)}
                  placeholder="T-20261205-0001 or words from the subject"
                  className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm font-normal" />
              </label>
              <div className="mt-3 min-h-24" aria-live="polite">
                {debounced.length < 2 ? (
                  <p className="text-sm text-slate-500">Type at least two characters.</p>
                ) : search.isPending ? (
                  <p className="text-sm text-slate-500">Searching…</p>
                ) : search.isError ? (
                  <p role="alert" className="text-sm text-red-700">{asApiError(search.error).message}</p>
                ) : search.data.length === 0 ? (
                  <p className="text-sm text-slate-500">No other ticket matches.</p>
                ) : (
                  <ul className="divide-y divide-slate-100 rounded-md border border-slate-200" aria-label="Matching tickets">
                    {search.data.map((c) => (
                      <li key={c.id}>
                        <button type="button" onClick={() => setChosen(c)}
                          className="flex w-full items-center gap-3 px-3 py-2 text-left text-sm hover:bg-slate-50">
                          <span className="font-mono text-xs text-slate-600">{c.ticket_number}</span>
                          <span className="min-w-0 flex-1 truncate text-slate-900">{c.subject}</span>
                          <StatusPill status={c.status} />
                        </button>
                      </li>
                    ))}
                  </ul>
                )}
              </div>
            </>
          ) : (
            <div className="mt-4 space-y-3 text-sm text-slate-700">
              <p>
                Merge <strong className="font-mono">{ticket.ticket_number}</strong> ({ticket.subject}) into{" "}
                <strong className="font-mono">{chosen.ticket_number}</strong> ({chosen.subject})?
              </p>
              <p>
                Its messages, attachments, watchers and tags move to {chosen.ticket_number}. {ticket.ticket_number} is closed
                and points there, and its customer gets one email about the merge. This cannot be undone.
              </p>
              {merge.isError && <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-red-800">{asApiError(merge.error).message}</p>}
            </div>
          )}
          <div className="mt-5 flex justify-end gap-2">
            {chosen && (
              <button type="button" onClick={() => { setChosen(null); merge.reset(); }} disabled={merge.isPending}
                className="rounded-md px-3 py-1.5 text-sm text-slate-700 hover:bg-slate-100">Back</button>
            )}
            <button type="button" onClick={() => ref.current?.close()} disabled={merge.isPending}
              className="rounded-md border border-slate-300 px-3 py-1.5 text-sm text-slate-700 hover:bg-slate-50">Cancel</button>
            {chosen && (
              <button type="button" onClick={() => merge.mutate(chosen)} disabled={merge.isPending}
                className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-60">
                {merge.isPending ? "Merging…" : `Merge into ${chosen.ticket_number}`}
              </button>
            )}
          </div>
        </div>
      </dialog>
    </>
  );
}
