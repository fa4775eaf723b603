"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { api } from "@/lib/api-client/client";
import { asApiError, type ApiError } from "@/lib/api-client/errors";
import { FormAlert } from "@/components/field-error";
import { inputCls, primaryBtn, secondaryBtn, tableCls, tdCls, thCls } from "../_components/ui";

interface Company {
  id: string;
  name: string;
  domain: string | null;
  contact_count: number;
}

const message = (e: ApiError) => e.field("name") ?? e.field("domain") ?? e.message;

/** Create companies and edit their name and domain, through the admin API. */
export function CompaniesAdmin({ companies, prev, next }: { companies: Company[]; prev: string | null; next: string | null }) {
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
      setError(message(asApiError(e)));
      return false;
    } finally {
      setBusy(false);
    }
  }
  const fields = (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    return { el: e.currentTarget, name: String(f.get("name") ?? ""), domain: String(f.get("domain") ?? "").trim() || null };
  };

  return (
    <div className="max-w-5xl space-y-6 px-6 py-6">
      <form aria-label="Create a company" noValidate className="flex flex-wrap items-end gap-3 rounded-xl border border-slate-200 bg-white p-4"
        onSubmit={async (e) => {
          const { el, name, domain } = fields(e);
          if (await run(() => api.POST("/api/v1/admin/companies/", { body: { name, domain } }), `Created ${name.trim()}.`)) el.reset();
        }}>
        <div>
          <label htmlFor="new-company-name" className="mb-1 block text-xs font-medium text-slate-700">Company name</label>
          <input id="new-company-name" name="name" required className={`${inputCls} w-64`} />
        </div>
        <div>
          <label htmlFor="new-company-domain" className="mb-1 block text-xs font-medium text-slate-700">Email domain (optional)</label>
          <input id="new-company-domain" name="domain" placeholder="example.com" className={`${inputCls} w-56`} />
        </div>
        <button type="submit" disabled={busy} className={primaryBtn}>Create company</button>
      </form>
      <FormAlert message={error} />
      {notice ? <p role="status" className="text-sm text-emerald-800">{notice}</p> : null}

      {companies.length === 0 ? <p className="text-sm text-slate-500">No companies found.</p> : (
        <table className={tableCls}>
          <thead className="bg-slate-50">
            <tr>
              <th scope="col" className={thCls}>Name and domain</th>
              <th scope="col" className={thCls}>Contacts</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {companies.map((c) => (
              <tr key={c.id} data-company={c.name}>
                <td className={tdCls}>
                  <form noValidate aria-label={`Edit ${c.name}`} className="flex flex-wrap items-center gap-2" onSubmit={async (e) => {
                    const { name, domain } = fields(e);
                    await run(() => api.PATCH("/api/v1/admin/companies/{id}/", { path: { id: c.id }, body: { name, domain } }), `Saved ${name.trim()}.`);
                  }}>
                    <label className="sr-only" htmlFor={`name-${c.id}`}>Name of {c.name}</label>
                    <input id={`name-${c.id}`} name="name" defaultValue={c.name} required className={`${inputCls} w-56`} />
                    <label className="sr-only" htmlFor={`domain-${c.id}`}>Domain of {c.name}</label>
                    <input id={`domain-${c.id}`} name="domain" defaultValue={c.domain ?? ""} placeholder="no domain" className={`${inputCls} w-48`} />
                    <button type="submit" disabled={busy} className={secondaryBtn}>Save<span className="sr-only"> {c.name}</span></button>
                  </form>
                </td>
                <td className={tdCls}>{c.contact_count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <nav aria-label="Pages" className="flex justify-between text-sm">
        {prev ? <a href={prev} className="font-medium text-brand-700 hover:underline">← Previous</a> : <span />}
        {next ? <a href={next} className="font-medium text-brand-700 hover:underline">Next →</a> : <span />}
      </nav>
    </div>
  );
}
