"use client";

import { useCallback, useEffect, useState } from "react";
import { api } from "@/lib/api-client/client";
import { ApiError, asApiError } from "@/lib/api-client/errors";
import { FieldError, FormAlert } from "@/components/field-error";
import { input, label } from "@/components/account/auth-shell";
import { AbsoluteTime } from "@/components/time/absolute-time";
import { quietButton, Section, smallButton } from "./section";

interface TokenRow {
  id: string;
  name: string;
  prefix: string;
  created_at: string;
  last_used_at: string | null;
  expires_at: string | null;
}

const when = (iso: string | null, none: string) => (iso ? <AbsoluteTime iso={iso} /> : none);

/**
 * Personal API tokens: create one (the secret is shown once, with a copy button), see them
 * by prefix with their dates, revoke them. All through /api/v1/auth/tokens/.
 */
export function ApiTokensSection() {
  const [tokens, setTokens] = useState<TokenRow[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const [copied, setCopied] = useState(false);
  const [pending, setPending] = useState(false);

  const load = useCallback(async () => {
    try {
      const r = await api.GET("/api/v1/auth/tokens/", { query: { page_size: 100 } });
      setTokens(r.data.results);
    } catch (e) {
      setError(asApiError(e));
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  async function create(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const data = new FormData(form);
    const expiry = String(data.get("expires_on") ?? "");
    setPending(true);
    setError(null);
    setCopied(false);
    try {
      // A date picked in the form means "through the end of that day", in the user's time zone.
      const expires_at = expiry ? new Date(`${expiry}T23:59:59`).toISOString() : null;
      const r = await api.POST("/api/v1/auth/tokens/", { body: { name: String(data.get("name") ?? ""), expires_at } });
      setCreated({ name: r.data.name, token: r.data.token });
      form.reset();
      await load();
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setPending(false);
    }
  }

  async function revoke(t: TokenRow) {
    if (!window.confirm(`Revoke "${t.name}"? Scripts using it stop working at once.`)) return;
    setError(null);
    try {
      await api.DELETE("/api/v1/auth/tokens/{id}/", { path: { id: t.id } });
      if (created && t.prefix && created.token.startsWith(t.prefix)) setCreated(null);
      await load();
    } catch (err) {
      setError(asApiError(err));
    }
  }

  async function copy() {
    if (!created) return;
    await navigator.clipboard.writeText(created.token);
    setCopied(true);
  }

  return (
    <Section
      id="profile-tokens"
      title="API tokens"
      intro={<>Scripts and integrations send <code className="rounded bg-slate-100 px-1">Authorization: Bearer cf_…</code> and act with your rights on the whole API. Treat a token like a password.</>}
    >
      <form onSubmit={create} className="grid gap-3 sm:grid-cols-[1fr_auto_auto] sm:items-end" noValidate>
        <div>
          <label htmlFor="token-name" className={label}>Token name</label>
          <input id="token-name" name="name" className={input} placeholder="e.g. Nightly export" required aria-describedby={error?.field("name") ? "token-name-error" : undefined} />
          <FieldError id="token-name-error" message={error?.field("name")} />
        </div>
        <div>
          <label htmlFor="token-expiry" className={label}>Expires (optional)</label>
          <input id="token-expiry" name="expires_on" type="date" className={input} aria-describedby={error?.field("expires_at") ? "token-expiry-error" : undefined} />
          <FieldError id="token-expiry-error" message={error?.field("expires_at")} />
        </div>
        <button type="submit" disabled={pending} className={smallButton}>{pending ? "Creating…" : "Create token"}</button>
      </form>
      <FormAlert message={error && !error.field("name") && !error.field("expires_at") ? error.message : null} />

      {created ? (
        <div role="status" className="space-y-2 rounded-lg border border-emerald-200 bg-emerald-50 p-3 text-sm text-emerald-900">
          <p><strong>{created.name}</strong> is ready. Copy it now: it will not be shown again.</p>
          <div className="flex items-center gap-2">
            <code data-testid="new-token" className="min-w-0 flex-1 truncate rounded border border-emerald-200 bg-white px-2 py-1 font-mono text-xs text-slate-900">{created.token}</code>
            <button type="button" onClick={copy} className={quietButton}>{copied ? "Copied" : "Copy"}</button>
          </div>
        </div>
      ) : null}

      {tokens === null ? (
        <p className="text-sm text-slate-500">Loading tokens…</p>
      ) : tokens.length === 0 ? (
        <p className="text-sm text-slate-500">You have no API tokens.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <thead className="text-xs uppercase tracking-wide text-slate-500">
              <tr>
                <th className="py-2 pr-3 font-medium">Name</th>
                <th className="py-2 pr-3 font-medium">Token</th>
                <th className="py-2 pr-3 font-medium">Created</th>
                <th className="py-2 pr-3 font-medium">Last used</th>
                <th className="py-2 pr-3 font-medium">Expires</th>
                <th className="py-2"><span className="sr-only">Actions</span></th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {tokens.map((t) => (
                <tr key={t.id}>
                  <td className="py-2 pr-3 font-medium text-slate-900">{t.name}</td>
                  <td className="py-2 pr-3 font-mono text-xs text-slate-600">{t.prefix}…</td>
                  <td className="py-2 pr-3 text-slate-600">{when(t.created_at, "")}</td>
                  <td className="py-2 pr-3 text-slate-600">{when(t.last_used_at, "Never")}</td>
                  <td className="py-2 pr-3 text-slate-600">{when(t.expires_at, "Never")}</td>
                  <td className="py-2 text-right">
                    <button type="button" onClick={() => revoke(t)} className={quietButton} aria-label={`Revoke ${t.name}`}>Revoke</button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Section>
  );
}
