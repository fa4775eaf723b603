"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { api } from "@/lib/api-client/client";
import { asApiError, type ApiError } from "@/lib/api-client/errors";
import { FieldError, FormAlert } from "@/components/field-error";
import { AbsoluteTime } from "@/components/time/absolute-time";
import { dangerBtn, inputCls, primaryBtn, ROLE_LABELS, secondaryBtn, tableCls, tdCls, thCls } from "../_components/ui";

interface Invitation {
  id: string;
  email: string;
  role: string;
  team: { id: string; name: string } | null;
  status: "pending" | "accepted" | "revoked" | "expired";
  invited_by: { name: string; email: string } | null;
  expires_at: string | null;
  accepted_at: string | null;
  created_at: string | null;
}

const STATUS_TONE: Record<Invitation["status"], string> = {
  pending: "bg-amber-50 text-amber-800 ring-amber-600/20",
  accepted: "bg-emerald-50 text-emerald-800 ring-emerald-600/20",
  revoked: "bg-slate-100 text-slate-600 ring-slate-500/20",
  expired: "bg-red-50 text-red-700 ring-red-600/20",
};

// In the viewer's zone, the same on the server's first paint and on hydration (components/time).
const day = (iso: string | null) => (iso ? <AbsoluteTime iso={iso} dayOnly /> : "");

/** Invite form and the list of invitations; every change goes through the admin API, then the page reloads its data. */
export function InvitationsAdmin({ invitations, teams, roles }: { invitations: Invitation[]; teams: { id: string; name: string }[]; roles: readonly string[] }) {
  const router = useRouter();
  const [error, setError] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  async function run(key: string, action: () => Promise<unknown>, done: string) {
    setBusy(key);
    setError(null);
    setNotice(null);
    try {
      await action();
      setNotice(done);
      router.refresh();
      return true;
    } catch (e) {
      setError(asApiError(e));
      return false;
    } finally {
      setBusy(null);
    }
  }

  async function onInvite(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const f = new FormData(form);
    const email = String(f.get("email") ?? "");
    const team = String(f.get("team") ?? "");
    const ok = await run("invite", () =>
      api.POST("/api/v1/admin/invitations/", { body: { email, role: String(f.get("role")) as "customer_service", team: team || null } }),
      `Invitation sent to ${email.trim().toLowerCase()}.`);
    if (ok) form.reset();
  }

  const emailError = error?.field("email");
  const roleError = error?.field("role");
  const open = invitations.filter((i) => i.status === "pending" || i.status === "expired");
  const closed = invitations.filter((i) => i.status === "accepted" || i.status === "revoked");
  return (
    <div className="max-w-5xl space-y-8 px-6 py-6">
      <form onSubmit={onInvite} noValidate className="space-y-3 rounded-xl border border-slate-200 bg-white p-4" aria-label="Invite someone">
        <h2 className="text-sm font-semibold text-slate-900">Invite someone</h2>
        <div className="flex flex-wrap items-start gap-3">
          <div>
            <label htmlFor="invite-email" className="mb-1 block text-xs font-medium text-slate-700">Email</label>
            <input id="invite-email" name="email" type="email" required className={`${inputCls} w-72`}
              aria-invalid={emailError ? true : undefined} aria-describedby={emailError ? "invite-email-error" : undefined} />
            <FieldError id="invite-email-error" message={emailError} />
          </div>
          <div>
            <label htmlFor="invite-role" className="mb-1 block text-xs font-medium text-slate-700">Role</label>
            <select id="invite-role" name="role" defaultValue="customer_service" className={inputCls}
              aria-invalid={roleError ? true : undefined} aria-describedby={roleError ? "invite-role-error" : undefined}>
              {roles.map((r) => <option key={r} value={r}>{ROLE_LABELS[r] ?? r}</option>)}
            </select>
            <FieldError id="invite-role-error" message={roleError} />
          </div>
          <div>
            <label htmlFor="invite-team" className="mb-1 block text-xs font-medium text-slate-700">Team</label>
            <select id="invite-team" name="team" defaultValue="" className={inputCls}>
              <option value="">No team</option>
              {teams.map((t) => <option key={t.id} value={t.id}>{t.name}</option>)}
            </select>
          </div>
          <button type="submit" disabled={busy === "invite"} className={`${primaryBtn} mt-5`}>{busy === "invite" ? "Sending…" : "Send invitation"}</button>
        </div>
        <FormAlert message={error && !emailError && !roleError ? (error.field("non_field_errors") ?? error.field("team") ?? error.message) : null} />
        {notice ? <p role="status" className="text-sm text-emerald-800">{notice}</p> : null}
      </form>

      <section aria-labelledby="open-heading">
        <h2 id="open-heading" className="mb-2 text-sm font-semibold text-slate-900">Pending and expired</h2>
        {open.length === 0 ? <p className="text-sm text-slate-500">No open invitations.</p> : (
          <InvitationTable rows={open} actions={(i) => (
            <div className="flex gap-2">
              <button type="button" className={secondaryBtn} disabled={busy !== null}
                onClick={() => run(`resend-${i.id}`, () => api.POST("/api/v1/admin/invitations/{id}/resend/", { path: { id: i.id } }), `A new link was sent to ${i.email}; the earlier one no longer works.`)}>
                Resend<span className="sr-only"> to {i.email}</span>
              </button>
              <button type="button" className={dangerBtn} disabled={busy !== null}
                onClick={() => run(`revoke-${i.id}`, () => api.DELETE("/api/v1/admin/invitations/{id}/", { path: { id: i.id } }), `The invitation of ${i.email} was revoked.`)}>
                Revoke<span className="sr-only"> the invitation of {i.email}</span>
              </button>
            </div>
          )} />
        )}
      </section>

      <section aria-labelledby="closed-heading">
        <h2 id="closed-heading" className="mb-2 text-sm font-semibold text-slate-900">Accepted and revoked</h2>
        {closed.length === 0 ? <p className="text-sm text-slate-500">None yet.</p> : <InvitationTable rows={closed} />}
      </section>
    </div>
  );
}

function InvitationTable({ rows, actions }: { rows: Invitation[]; actions?: (i: Invitation) => React.ReactNode }) {
  return (
    <table className={tableCls}>
      <thead className="bg-slate-50">
        <tr>
          <th scope="col" className={thCls}>Email</th>
          <th scope="col" className={thCls}>Role</th>
          <th scope="col" className={thCls}>Team</th>
          <th scope="col" className={thCls}>Status</th>
          <th scope="col" className={thCls}>Invited by</th>
          <th scope="col" className={thCls}>{actions ? "Expires" : "Accepted"}</th>
          {actions ? <th scope="col" className={thCls}><span className="sr-only">Actions</span></th> : null}
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {rows.map((i) => (
          <tr key={i.id} data-invitation={i.email}>
            <td className={tdCls}>{i.email}</td>
            <td className={tdCls}>{ROLE_LABELS[i.role] ?? i.role}</td>
            <td className={tdCls}>{i.team?.name ?? "—"}</td>
            <td className={tdCls}>
              <span className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${STATUS_TONE[i.status]}`}>{i.status}</span>
            </td>
            <td className={tdCls}>{i.invited_by?.name || i.invited_by?.email || "—"}</td>
            <td className={tdCls}>{actions ? day(i.expires_at) : day(i.accepted_at)}</td>
            {actions ? <td className={tdCls}>{actions(i)}</td> : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
