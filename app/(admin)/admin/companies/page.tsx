import type { Metadata } from "next";
import { serializeCompany } from "@/lib/api/admin/companies";
import { cursorOf, listPage } from "@/lib/api/pagination";
import { listCompanies } from "@/lib/domain/companies/list-companies";
import { COMPANY_KEYS } from "@/lib/domain/companies/company-select";
import { requireAdminPage } from "../_lib/require-admin";
import { AdminHeader } from "../_components/admin-header";
import { inputCls, secondaryBtn } from "../_components/ui";
import { CompaniesAdmin } from "./companies-admin";

export const metadata: Metadata = { title: "Companies" };
export const dynamic = "force-dynamic";

export default async function CompaniesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireAdminPage("/admin/companies/");
  const params = await searchParams;
  const one = (k: string) => (typeof params[k] === "string" ? (params[k] as string) : "");
  const search = one("search").slice(0, 200);
  const url = new URL("http://admin.local/admin/companies/");
  if (search) url.searchParams.set("search", search);
  if (one("cursor")) url.searchParams.set("cursor", one("cursor"));
  const page = await listPage(url, {
    name: "admin.companies",
    keys: COMPANY_KEYS,
    load: (p) => listCompanies(actor, { search }, p),
    serialize: serializeCompany,
    size: 50,
    badCursor: "first-page",
  });
  const link = (cursor: string | null) => (cursor ? `/admin/companies/?${new URLSearchParams({ ...(search ? { search } : {}), cursor })}` : null);
  return (
    <main>
      <AdminHeader title="Companies" subtitle="Customers' companies. A company's email domain puts new contacts who write in from it in the company." />
      <div className="max-w-5xl px-6 pt-6">
        <form role="search" action="/admin/companies/" className="flex items-end gap-2">
          <div>
            <label htmlFor="company-search" className="mb-1 block text-xs font-medium text-slate-700">Search companies</label>
            <input id="company-search" name="search" type="search" defaultValue={search} placeholder="Name or domain" className={`${inputCls} w-72`} />
          </div>
          <button type="submit" className={secondaryBtn}>Search</button>
        </form>
      </div>
      <CompaniesAdmin companies={page.results} prev={link(cursorOf(page.previous))} next={link(cursorOf(page.next))} />
    </main>
  );
}
