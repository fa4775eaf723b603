"use client";

import { useState } from "react";
import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/api-client/client";
import { cursorOf } from "@/lib/api-client/reads";
import { asApiError } from "@/lib/api-client/errors";
import { FormAlert } from "@/components/field-error";
import { EmptyState } from "@/components/empty-state";

type Role = "customer" | "customer_service" | "sales_manager" | "admin" | "super_admin";
type UserPatch = { role?: Role; is_staff?: boolean; is_active?: boolean; permissions?: string[] };

const ROLE_LABELS: Record<Role, string> = {
  customer: "Customer",
  customer_service: "Customer service",
  sales_manager: "Sales manager",
  admin: "Admin",
  super_admin: "Super admin",
};

interface Props {
  me: { id: string; role: string };
  roles: Role[];
  permissions: { code: string; label: string }[];
}

/** The users table of the admin area: filters, cursor pages and the per-user controls, all through the admin API. */
export function UsersAdmin({ me, roles, permissions }: Props) {
  const [search, setSearch] = useState("");
  const [role, setRole] = useState<Role | "">("");
  const [active, setActive] = useState<"" | "true" | "false">("");
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const qc = useQueryClient();

  const query = { search: search || undefined, role: role || undefined, is_active: active === "" ? undefined : active === "true", cursor: cursor ?? undefined, page_size: 50 };
  const { data, isFetching, isError } = useQuery({
    queryKey: ["admin-users", query],
    queryFn: async () => (await api.GET("/api/v1/admin/users/", { query })).data,
    placeholderData: keepPreviousData,
  });

  async function change(id: string, body: UserPatch) {
    setError(null);
    try {
      await api.PATCH("/api/v1/admin/users/{id}/", { path: { id }, body });
      setConfirming(null);
      await qc.invalidateQueries({ queryKey: ["admin-users"] });
    } catch (e) {
      setError(asApiError(e).message);
    }
  }
  const filter = (f: () => void) => { f(); setCursor(null); };
  const mayTouch = (r: Role) => me.role === "super_admin" || r !== "super_admin";

  return (
    <div className="space-y-4">
      <form role="search" aria-label="Filter users" className="flex flex-wrap items-end gap-3" onSubmit={(e) => e.preventDefault()}>
        <label className="text-xs font-medium text-slate-600">
          Search
          <input type="search" value={search} placeholder="Name or email" onChange={(e) => filter(() => setSearch(e.target.value))}
            className="mt-1 block w-64 rounded-md border border-slate-300 px-2.5 py-1.5 text-sm" />
        </label>
        <label className="text-xs font-medium text-slate-600">
          Role
          <select value={role} onChange={(e) => filter(() => setRole(e.target.value as Role | ""))} className="mt-1 block rounded-md border border-slate-300 px-2 py-1.5 text-sm">
            <option value="">Any role</option>
            {roles.map((r) => <option key={r} value={r}>{ROLE_LABELS[r]}</option>)}
          </select>
        </label>
        <label className="text-xs font-medium text-slate-600">
          Status
          <select value={active} onChange={(e) => filter(() => setActive(e.target.value as "" | "true" | "false"))} className="mt-1 block rounded-md border border-slate-300 px-2 py-1.5 text-sm">
            <option value="">Active and deactivated</option>
            <option value="true">Active</option>
            <option value="false">Deactivated</option>
          </select>
        </label>
        {isFetching && <span role="status" className="pb-2 text-xs text-slate-500">Loading…</span>}
      </form>
      <FormAlert message={error} />
      {isError && <FormAlert message="Could not load the users." />}
      {data && data.results.length === 0 ? (
        <div className="rounded-xl border border-slate-200 bg-white"><EmptyState title="No users match">Try another search or filter.</EmptyState></div>
      ) : (
        <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
          <table className="w-full text-sm">
            <caption className="sr-only">Users</caption>
            <thead className="border-b border-slate-200 bg-slate-50/80 text-left text-xs font-medium text-slate-500">
              <tr>
                <th scope="col" className="py-2 pl-4 font-medium">User</th>
                <th scope="col" className="py-2 font-medium">Role</th>
                <th scope="col" className="py-2 font-medium">Staff</th>
                <th scope="col" className="py-2 font-medium">Permissions</th>
                <th scope="col" className="py-2 pr-4 text-right font-medium">Status</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {data?.results.map((u) => {
                const editable = mayTouch(u.role);
                const self = u.id === me.id;
                return (
                  <tr key={u.id} data-user-id={u.id} className={u.is_active ? "" : "bg-slate-50 text-slate-500"}>
                    <td className="py-2 pl-4">
                      <p className="font-medium text-slate-900">{u.name || u.email}</p>
                      <p className="text-xs text-slate-500">{u.email}{u.team ? ` · ${u.team.name}` : ""}{u.email_verified ? "" : " · unverified"}</p>
                    </td>
                    <td className="py-2">
                      <select aria-label={`Role of ${u.email}`} value={u.role} disabled={!editable}
                        onChange={(e) => change(u.id, { role: e.target.value as Role })}
                        className="rounded-md border border-slate-300 px-2 py-1 text-sm disabled:bg-slate-100">
                        {roles.filter((r) => r === u.role || mayTouch(r)).map((r) => <option key={r} value={r}>{ROLE_LABELS[r]}</option>)}
                      </select>
                    </td>
                    <td className="py-2">
                      <input type="checkbox" aria-label={`${u.email} is staff`} checked={u.is_staff} disabled={!editable}
                        onChange={(e) => change(u.id, { is_staff: e.target.checked })} className="h-4 w-4 rounded border-slate-300" />
                    </td>
                    <td className="py-2">
                      {permissions.map((p) => (
                        <label key={p.code} title={p.label} className="flex items-center gap-1.5 text-xs">
                          <input type="checkbox" checked={u.permissions.includes(p.code)} disabled={!editable}
                            onChange={(e) => change(u.id, { permissions: e.target.checked ? [...u.permissions, p.code] : u.permissions.filter((x) => x !== p.code) })}
                            className="h-3.5 w-3.5 rounded border-slate-300" />
                          <code>{p.code}</code>
                        </label>
                      ))}
                    </td>
                    <td className="py-2 pr-4 text-right">
                      {confirming === u.id ? (
                        <span className="inline-flex items-center gap-2">
                          <span className="text-xs text-slate-700">{u.is_active ? "Deactivate and sign out everywhere?" : "Reactivate?"}</span>
                          <button type="button" onClick={() => change(u.id, { is_active: !u.is_active })}
                            className="rounded-md bg-red-600 px-2 py-1 text-xs font-semibold text-white hover:bg-red-700">Confirm</button>
                          <button type="button" onClick={() => setConfirming(null)} className="rounded-md px-2 py-1 text-xs text-slate-600 hover:bg-slate-100">Cancel</button>
                        </span>
                      ) : (
                        <span className="inline-flex items-center gap-2">
                          <span className={`rounded px-1.5 py-0.5 text-[11px] font-medium ${u.is_active ? "bg-emerald-50 text-emerald-700" : "bg-slate-200 text-slate-600"}`}>
                            {u.is_active ? "Active" : "Deactivated"}
                          </span>
                          {editable && !self && (
                            <button type="button" onClick={() => setConfirming(u.id)}
                              className="rounded-md border border-slate-300 px-2 py-1 text-xs font-medium text-slate-700 hover:bg-slate-50">
                              {u.is_active ? "Deactivate" : "Reactivate"}
                            </button>
                          )}
                        </span>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {(data?.previous || data?.next) && (
        <nav aria-label="Pages" className="flex justify-between text-sm">
          {data.previous ? <button type="button" className="font-medium text-brand-700 hover:underline" onClick={() => setCursor(cursorOf(data.previous))}>← Previous</button> : <span />}
          {data.next ? <button type="button" className="font-medium text-brand-700 hover:underline" onClick={() => setCursor(cursorOf(data.next))}>Next →</button> : <span />}
        </nav>
      )}
    </div>
  );
}
