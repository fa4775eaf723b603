"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { api } from "@/lib/api-client/client";
import { asApiError } from "@/lib/api-client/errors";
import { FormAlert } from "@/components/field-error";
import { dangerBtn, inputCls, primaryBtn, ROLE_LABELS, secondaryBtn } from "../_components/ui";

interface Team {
  id: string;
  name: string;
  member_count: number;
  members: { id: string; name: string; email: string; role: string; is_active: boolean }[];
}

/** Create and rename teams, add and remove members, through the admin API. */
export function TeamsAdmin({ teams, agents }: { teams: Team[]; agents: { id: string; name: string; email: string }[] }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function run(action: () => Promise<unknown>, done: string) {
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      await action();
      setNotice(done);
      router.refresh();
      return true;
    } catch (e) {
      const err = asApiError(e);
      setError(err.field("name") ?? err.field("user") ?? err.message);
      return false;
    } finally {
      setBusy(false);
    }
  }
  const form = (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    return { el: e.currentTarget, data: new FormData(e.currentTarget) };
  };

  return (
    <div className="max-w-4xl space-y-6 px-6 py-6">
      <form aria-label="Create a team" noValidate className="flex items-end gap-3 rounded-xl border border-slate-200 bg-white p-4"
        onSubmit={async (e) => {
          const { el, data } = form(e);
          const name = String(data.get("name") ?? "");
          if (await run(() => api.POST("/api/v1/admin/teams/", { body: { name } }), `Created the team ${name.trim()}.`)) el.reset();
        }}>
        <div>
          <label htmlFor="team-name" className="mb-1 block text-xs font-medium text-slate-700">New team</label>
          <input id="team-name" name="name" required className={`${inputCls} w-64`} />
        </div>
        <button type="submit" disabled={busy} className={primaryBtn}>Create team</button>
      </form>
      <FormAlert message={error} />
      {notice ? <p role="status" className="text-sm text-emerald-800">{notice}</p> : null}

      {teams.length === 0 ? <p className="text-sm text-slate-500">No teams yet.</p> : null}
      {teams.map((t) => {
        const candidates = agents.filter((a) => !t.members.some((m) => m.id === a.id));
        return (
          <section key={t.id} aria-label={`Team ${t.name}`} className="space-y-3 rounded-xl border border-slate-200 bg-white p-4">
            <div className="flex flex-wrap items-end justify-between gap-3">
              <form noValidate className="flex items-end gap-2" onSubmit={async (e) => {
                const { data } = form(e);
                const name = String(data.get("name") ?? "");
                await run(() => api.PATCH("/api/v1/admin/teams/{id}/", { path: { id: t.id }, body: { name } }), `Renamed ${t.name} to ${name.trim()}.`);
              }}>
                <div>
                  <label htmlFor={`rename-${t.id}`} className="mb-1 block text-xs font-medium text-slate-700">Team name</label>
                  <input id={`rename-${t.id}`} name="name" defaultValue={t.name} required className={`${inputCls} w-56`} />
                </div>
                <button type="submit" disabled={busy} className={secondaryBtn}>Rename</button>
              </form>
              <div className="flex items-center gap-3">
                <span className="text-sm text-slate-600">{t.member_count} member{t.member_count === 1 ? "" : "s"}</span>
                <button type="button" disabled={busy} className={dangerBtn}
                  onClick={() => window.confirm(`Delete the team ${t.name}? Its members stay, without a team.`) && run(() => api.DELETE("/api/v1/admin/teams/{id}/", { path: { id: t.id } }), `Deleted the team ${t.name}.`)}>
                  Delete<span className="sr-only"> the team {t.name}</span>
                </button>
              </div>
            </div>
            <ul className="divide-y divide-slate-100 rounded-lg border border-slate-100">
              {t.members.length === 0 ? <li className="px-3 py-2 text-sm text-slate-500">No members.</li> : null}
              {t.members.map((m) => (
                <li key={m.id} className="flex items-center justify-between px-3 py-2 text-sm">
                  <span>
                    <span className="font-medium text-slate-900">{m.name || m.email}</span>{" "}
                    <span className="text-slate-500">{m.email} · {ROLE_LABELS[m.role] ?? m.role}{m.is_active ? "" : " · deactivated"}</span>
                  </span>
                  <button type="button" disabled={busy} className={secondaryBtn}
                    onClick={() => run(() => api.DELETE("/api/v1/admin/teams/{id}/members/{user_id}/", { path: { id: t.id, user_id: m.id } }), `Took ${m.name || m.email} out of ${t.name}.`)}>
                    Remove<span className="sr-only"> {m.name || m.email} from {t.name}</span>
                  </button>
                </li>
              ))}
            </ul>
            {candidates.length ? (
              <form noValidate className="flex items-end gap-2" onSubmit={async (e) => {
                const { data } = form(e);
                const user = String(data.get("user") ?? "");
                const who = agents.find((a) => a.id === user);
                await run(() => api.POST("/api/v1/admin/teams/{id}/members/", { path: { id: t.id }, body: { user } }), `Added ${who?.name || who?.email} to ${t.name}.`);
              }}>
                <div>
                  <label htmlFor={`add-${t.id}`} className="mb-1 block text-xs font-medium text-slate-700">Add a member</label>
                  <select id={`add-${t.id}`} name="user" className={inputCls}>
                    {candidates.map((a) => <option key={a.id} value={a.id}>{a.name || a.email}</option>)}
                  </select>
                </div>
                <button type="submit" disabled={busy} className={secondaryBtn}>Add<span className="sr-only"> to {t.name}</span></button>
              </form>
            ) : null}
          </section>
        );
      })}
    </div>
  );
}
