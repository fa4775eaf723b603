"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { api } from "@/lib/api-client/client";
import { ApiError } from "@/lib/api-client/errors";

const toggle = "inline-flex h-7 items-center gap-1.5 rounded-md border border-slate-300 bg-white px-2 text-xs font-medium text-slate-700 shadow-xs hover:bg-slate-50";

/**
 * "Save view": the current URL's filters and ordering under a name, personal or shared with
 * the agent's team (POST support/views/). The sidebar's list refreshes from the same cache.
 */
export function SaveViewButton({ search, canShare }: { search: string; canShare: boolean }) {
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const name = useRef<HTMLInputElement>(null);
  useEffect(() => { if (open) name.current?.focus(); }, [open]);

  async function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setBusy(true);
    setError(null);
    try {
      const query = new URLSearchParams(search);
      query.delete("cursor");
      const { data } = await api.POST("/api/v1/support/views/", {
        body: { name: String(form.get("name") ?? ""), query: query.toString(), shared: form.get("sharing") === "team" },
      });
      await qc.invalidateQueries({ queryKey: ["saved-views"] });
      setSaved(`Saved “${data.name}”.`);
      setOpen(false);
    } catch (err) {
      setError(err instanceof ApiError ? Object.values(err.fields).flat().join(" ") || err.message : "Could not save the view.");
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="relative">
      <button type="button" className={toggle} aria-expanded={open} aria-controls="save-view" onClick={() => { setOpen(!open); setSaved(null); }}>
        <svg aria-hidden="true" viewBox="0 0 16 16" className="h-3.5 w-3.5" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinejoin="round"><path d="M4 2.5h8v11l-4-3-4 3v-11Z" /></svg>
        Save view
      </button>
      <span role="status" className="sr-only">{saved}</span>
      {open && (
        <form id="save-view" aria-label="Save view" onSubmit={submit}
          className="absolute top-9 right-0 z-30 w-72 space-y-3 rounded-lg border border-slate-200 bg-white p-3 shadow-lg">
          <div>
            <label htmlFor="save-view-name" className="mb-1 block text-xs font-medium text-slate-700">View name</label>
            <input ref={name} id="save-view-name" name="name" required maxLength={100} aria-invalid={!!error} aria-describedby={error ? "save-view-err" : undefined}
              className="h-8 w-full rounded-md border border-slate-300 px-2 text-sm text-slate-800 focus:border-brand-500 focus:outline-2 focus:outline-brand-500" />
          </div>
          <fieldset className="space-y-1 text-sm text-slate-800">
            <legend className="mb-1 text-xs font-medium text-slate-700">Who sees it</legend>
            <label className="flex items-center gap-2"><input type="radio" name="sharing" value="personal" defaultChecked /> Only me</label>
            <label className={`flex items-center gap-2 ${canShare ? "" : "text-slate-500"}`}>
              <input type="radio" name="sharing" value="team" disabled={!canShare} /> My team{canShare ? "" : " (you are not in a team)"}
            </label>
          </fieldset>
          {error && <p id="save-view-err" className="text-xs text-red-700">{error}</p>}
          <div className="flex justify-end gap-2">
            <button type="button" onClick={() => setOpen(false)} className="h-8 rounded-md px-2.5 text-sm font-medium text-slate-700 hover:bg-slate-100">Cancel</button>
            <button type="submit" disabled={busy} className="h-8 rounded-md bg-brand-600 px-3 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-60">Save</button>
          </div>
        </form>
      )}
    </div>
  );
}
