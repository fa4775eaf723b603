"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { api } from "@/lib/api-client/client";
import { asApiError, type ApiError } from "@/lib/api-client/errors";
import type { components } from "@/lib/api-client/schema";
import { PolicyForm } from "./policy-form";

type Policy = components["schemas"]["SlaPolicy"];
export type Choice = { id: string; name: string };
const KEY = ["admin", "sla-policies"] as const;

/**
 * The policy list in matching order (the default last, fixed), with moves up and down, edit and
 * delete. Everything goes through /api/v1/support/sla-policies/, which checks, audits and
 * recomputes open tickets' clocks.
 */
export function SlaPoliciesAdmin({ teams, companies }: { teams: Choice[]; companies: Choice[] }) {
  const qc = useQueryClient();
  const [editing, setEditing] = useState<Policy | "new" | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const policies = useQuery({
    queryKey: KEY,
    queryFn: async () => (await api.GET("/api/v1/support/sla-policies/")).data.results,
  });
  const refresh = () => qc.invalidateQueries({ queryKey: KEY });

  // A move renumbers the non-default policies 10, 20, 30… in the new order (only changed ones are sent).
  const move = useMutation({
    mutationFn: async ({ index, by }: { index: number; by: -1 | 1 }) => {
      const list = (policies.data ?? []).filter((p) => !p.is_default);
      const [p] = list.splice(index, 1);
      list.splice(index + by, 0, p);
      for (const [i, q] of list.entries()) {
        const position = (i + 1) * 10;
        if (q.position !== position) await api.PATCH("/api/v1/support/sla-policies/{id}/", { path: { id: q.id }, body: { position } });
      }
    },
    onError: (e) => setError(asApiError(e)),
    onSettled: refresh,
  });
  const remove = useMutation({
    mutationFn: (id: string) => api.DELETE("/api/v1/support/sla-policies/{id}/", { path: { id } }),
    onError: (e) => setError(asApiError(e)),
    onSettled: refresh,
  });

  const rows = policies.data ?? [];
  const custom = rows.filter((p) => !p.is_default);
  const name = (list: Choice[], id: string) => list.find((c) => c.id === id)?.name ?? id.slice(0, 8);
  const describe = (p: Policy) => {
    const c = p.conditions;
    const parts = [
      c.priority?.length && `priority ${c.priority.join(", ")}`,
      c.category?.length && `category ${c.category.join(", ")}`,
      c.channel?.length && `channel ${c.channel.join(", ")}`,
      c.team?.length && `team ${c.team.map((t) => name(teams, t)).join(", ")}`,
      c.company?.length && `company ${c.company.map((t) => name(companies, t)).join(", ")}`,
    ].filter(Boolean);
    return p.is_default ? "Every other ticket" : parts.length ? parts.join(" · ") : "Every ticket";
  };

  return (
    <div className="mt-6 space-y-6">
      {error && (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {error.message}
        </p>
      )}
      <div className="flex justify-end">
        <button type="button" onClick={() => setEditing("new")} className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700">
          New policy
        </button>
      </div>
      {editing && (
        <PolicyForm
          policy={editing === "new" ? null : editing}
          nextPosition={(custom.length + 1) * 10}
          teams={teams}
          companies={companies}
          onDone={() => {
            setEditing(null);
            void refresh();
          }}
        />
      )}
      {policies.isPending ? (
        <p className="text-sm text-slate-500">Loading…</p>
      ) : (
        <ol aria-label="SLA policies in matching order" className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
          {rows.map((p) => {
            const i = custom.indexOf(p);
            return (
              <li key={p.id} data-policy-id={p.id} className="flex items-center gap-4 px-4 py-3">
                <div className="min-w-0 flex-1">
                  <p className="font-medium text-slate-900">
                    {p.name} {p.is_default && <span className="ml-1 rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-600">default</span>}
                  </p>
                  <p className="truncate text-sm text-slate-600">
                    {describe(p)} · {p.calendar.weekly_hours ? "business hours" : "24/7"}, {p.calendar.time_zone}
                  </p>
                </div>
                {!p.is_default && (
                  <div className="flex gap-1">
                    <button type="button" aria-label={`Move ${p.name} up`} disabled={i === 0 || move.isPending} onClick={() => move.mutate({ index: i, by: -1 })} className="rounded border border-slate-300 px-2 py-1 text-sm disabled:opacity-40">↑</button>
                    <button type="button" aria-label={`Move ${p.name} down`} disabled={i === custom.length - 1 || move.isPending} onClick={() => move.mutate({ index: i, by: 1 })} className="rounded border border-slate-300 px-2 py-1 text-sm disabled:opacity-40">↓</button>
                  </div>
                )}
                <button type="button" onClick={() => setEditing(p)} className="text-sm font-medium text-brand-600 hover:underline">
                  Edit
                </button>
                {!p.is_default && (
                  <button
                    type="button"
                    onClick={() => window.confirm(`Delete the policy "${p.name}"? Its open tickets move to the next matching policy.`) && remove.mutate(p.id)}
                    className="text-sm font-medium text-red-700 hover:underline"
                  >
                    Delete
                  </button>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </div>
  );
}
