"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { api } from "@/lib/api-client/client";
import { ApiError, asApiError } from "@/lib/api-client/errors";
import { FieldError, FormAlert } from "@/components/field-error";
import { priorityLabel, statusLabel } from "@/components/badges";
import { PRIORITIES, STATUSES } from "@/lib/schemas/common";
import type { components } from "@/lib/api-client/schema";

type Macro = components["schemas"]["Macro"];
type MacroInput = components["schemas"]["MacroCreate"];
const KEY = ["macros-admin"];
const input = "h-9 w-full rounded-md border border-slate-300 bg-white px-2 text-sm text-slate-900 shadow-xs focus:border-brand-500 focus:outline-2 focus:outline-brand-500";

const tagList = (s: string) => s.split(",").map((t) => t.trim()).filter(Boolean);

/** List, create, edit and delete macros (personal or shared). Only editable ones show actions. */
export function MacroManager({ agents, placeholders }: { agents: { id: string; name: string }[]; placeholders: string[] }) {
  const qc = useQueryClient();
  const [editing, setEditing] = useState<Macro | "new" | null>(null);
  const { data, isLoading } = useQuery({
    queryKey: KEY,
    queryFn: async () => (await api.GET("/api/v1/support/macros/", { query: { page_size: 100 } })).data.results,
  });
  const remove = useMutation({
    mutationFn: (m: Macro) => api.DELETE("/api/v1/support/macros/{id}/", { path: { id: m.id } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: KEY }),
  });
  const actions = (m: Macro) => {
    const p: string[] = [];
    if (m.status) p.push(`Status: ${statusLabel(m.status)}`);
    if (m.priority) p.push(`Priority: ${priorityLabel(m.priority)}`);
    if (m.assigned_to) p.push(`Assign: ${m.assigned_to === "me" ? "to the agent applying it" : m.assigned_to === "none" ? "nobody" : agents.find((a) => a.id === m.assigned_to)?.name ?? "an agent"}`);
    if (m.add_tags.length) p.push(`Add tags: ${m.add_tags.join(", ")}`);
    if (m.remove_tags.length) p.push(`Remove tags: ${m.remove_tags.join(", ")}`);
    return p.join(" · ") || "Text only";
  };

  return (
    <div className="space-y-6">
      <div className="flex items-center justify-between">
        <h2 className="text-sm font-semibold text-slate-900">Your macros and shared macros</h2>
        {editing === null && (
          <button type="button" onClick={() => setEditing("new")}
            className="rounded-lg bg-brand-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-700">New macro</button>
        )}
      </div>
      {editing !== null && (
        <MacroForm key={editing === "new" ? "new" : editing.id} macro={editing === "new" ? null : editing} agents={agents} placeholders={placeholders}
          onDone={() => { setEditing(null); qc.invalidateQueries({ queryKey: KEY }); }} onCancel={() => setEditing(null)} />
      )}
      {isLoading ? <p className="text-sm text-slate-600">Loading…</p> : (
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Macros</caption>
          <thead className="border-b border-slate-200 text-xs text-slate-600">
            <tr><th scope="col" className="py-2 pr-3 font-medium">Name</th><th scope="col" className="py-2 pr-3 font-medium">Kind</th>
              <th scope="col" className="py-2 pr-3 font-medium">Actions</th><th scope="col" className="py-2 pr-3 font-medium">Used</th><th scope="col" className="py-2"><span className="sr-only">Edit</span></th></tr>
          </thead>
          <tbody>
            {(data ?? []).length === 0 && <tr><td colSpan={5} className="py-4 text-slate-600">No macros yet.</td></tr>}
            {(data ?? []).map((m) => (
              <tr key={m.id} className="border-b border-slate-100 align-top">
                <th scope="row" className="py-2 pr-3 font-medium text-slate-900">{m.name}
                  <p className="mt-0.5 line-clamp-2 text-xs font-normal text-slate-600">{m.body}</p></th>
                <td className="py-2 pr-3 text-slate-700">{m.shared ? "Shared" : "Personal"}</td>
                <td className="py-2 pr-3 text-slate-700">{actions(m)}</td>
                <td className="py-2 pr-3 text-slate-700">{m.usage_count}</td>
                <td className="py-2 text-right whitespace-nowrap">
                  {m.can_edit && (
                    <>
                      <button type="button" onClick={() => setEditing(m)} className="text-sm font-medium text-brand-700 hover:underline">Edit<span className="sr-only"> {m.name}</span></button>
                      <button type="button" onClick={() => { if (confirm(`Delete the macro “${m.name}”?`)) remove.mutate(m); }}
                        className="ml-3 text-sm font-medium text-red-700 hover:underline">Delete<span className="sr-only"> {m.name}</span></button>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

function MacroForm({ macro, agents, placeholders, onDone, onCancel }: {
  macro: Macro | null;
  agents: { id: string; name: string }[];
  placeholders: string[];
  onDone: () => void;
  onCancel: () => void;
}) {
  const id = useId();
  const [error, setError] = useState<ApiError | null>(null);
  const [pending, setPending] = useState(false);
  async function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const str = (k: string) => String(f.get(k) ?? "");
    const body: MacroInput = {
      name: str("name"),
      body: str("body"),
      status: (str("status") || null) as MacroInput["status"],
      priority: (str("priority") || null) as MacroInput["priority"],
      assigned_to: str("assigned_to") || null,
      add_tags: tagList(str("add_tags")),
      remove_tags: tagList(str("remove_tags")),
      shared: f.get("shared") === "on",
    };
    setPending(true);
    setError(null);
    try {
      if (macro) await api.PATCH("/api/v1/support/macros/{id}/", { path: { id: macro.id }, body });
      else await api.POST("/api/v1/support/macros/", { body });
      onDone();
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setPending(false);
    }
  }
  const fieldErr = (k: string) => error?.field(k);
  const known = ["name", "body", "status", "priority", "assigned_to", "add_tags", "remove_tags", "shared"];
  const general = error && !known.some((k) => error.field(k)) ? error.message : null;
  const described = (k: string) => (fieldErr(k) ? `${id}-${k}-err` : undefined);
  return (
    <form onSubmit={submit} aria-label={macro ? `Edit macro ${macro.name}` : "New macro"} noValidate
      className="space-y-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
      <FormAlert message={general} />
      <div>
        <label htmlFor={`${id}-name`} className="mb-1 block text-xs font-medium text-slate-700">Name</label>
        <input id={`${id}-name`} name="name" defaultValue={macro?.name ?? ""} className={input} aria-invalid={!!fieldErr("name")} aria-describedby={described("name")} />
        <FieldError id={`${id}-name-err`} message={fieldErr("name")} />
      </div>
      <div>
        <label htmlFor={`${id}-body`} className="mb-1 block text-xs font-medium text-slate-700">Reply text</label>
        <textarea id={`${id}-body`} name="body" rows={5} defaultValue={macro?.body ?? ""} aria-invalid={!!fieldErr("body")}
          aria-describedby={[`${id}-body-help`, described("body")].filter(Boolean).join(" ")}
          className="block w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm text-slate-900 shadow-xs focus:border-brand-500 focus:outline-2 focus:outline-brand-500" />
        <p id={`${id}-body-help`} className="mt-1 text-xs text-slate-600">Placeholders: {placeholders.map((p) => `{{${p}}}`).join(" ")}</p>
        <FieldError id={`${id}-body-err`} message={fieldErr("body")} />
      </div>
      <div className="grid gap-3 sm:grid-cols-3">
        <div>
          <label htmlFor={`${id}-status`} className="mb-1 block text-xs font-medium text-slate-700">Set status</label>
          <select id={`${id}-status`} name="status" defaultValue={macro?.status ?? ""} className={input}>
            <option value="">Leave as is</option>
            {STATUSES.map((s) => <option key={s} value={s}>{statusLabel(s)}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor={`${id}-priority`} className="mb-1 block text-xs font-medium text-slate-700">Set priority</label>
          <select id={`${id}-priority`} name="priority" defaultValue={macro?.priority ?? ""} className={input}>
            <option value="">Leave as is</option>
            {PRIORITIES.map((p) => <option key={p} value={p}>{priorityLabel(p)}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor={`${id}-assign`} className="mb-1 block text-xs font-medium text-slate-700">Assign</label>
          <select id={`${id}-assign`} name="assigned_to" defaultValue={macro?.assigned_to ?? ""} className={input} aria-describedby={described("assigned_to")}>
            <option value="">Leave as is</option>
            <option value="me">To the agent applying it</option>
            <option value="none">Unassign</option>
            {agents.map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}
          </select>
          <FieldError id={`${id}-assigned_to-err`} message={fieldErr("assigned_to")} />
        </div>
      </div>
      <div className="grid gap-3 sm:grid-cols-2">
        <div>
          <label htmlFor={`${id}-add`} className="mb-1 block text-xs font-medium text-slate-700">Add tags (comma separated)</label>
          <input id={`${id}-add`} name="add_tags" defaultValue={macro?.add_tags.join(", ") ?? ""} className={input} aria-describedby={described("add_tags")} />
          <FieldError id={`${id}-add_tags-err`} message={fieldErr("add_tags")} />
        </div>
        <div>
          <label htmlFor={`${id}-remove`} className="mb-1 block text-xs font-medium text-slate-700">Remove tags (comma separated)</label>
          <input id={`${id}-remove`} name="remove_tags" defaultValue={macro?.remove_tags.join(", ") ?? ""} className={input} aria-describedby={described("remove_tags")} />
          <FieldError id={`${id}-remove_tags-err`} message={fieldErr("remove_tags")} />
        </div>
      </div>
      <label className="flex items-center gap-2 text-sm text-slate-800">
        <input type="checkbox" name="shared" defaultChecked={macro?.shared ?? false} className="h-4 w-4 rounded border-slate-300" />
        Shared with all agents (otherwise only you see it)
      </label>
      <div className="flex gap-2">
        <button type="submit" disabled={pending} className="rounded-lg bg-brand-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-60">
          {pending ? "Saving…" : macro ? "Save macro" : "Create macro"}
        </button>
        <button type="button" onClick={onCancel} className="rounded-lg border border-slate-300 px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-50">Cancel</button>
      </div>
    </form>
  );
}
