import type { NextRequest } from "next/server";
import { api, json, methodNotAllowed, parseQuery, readBody } from "@/lib/api/handler";
import { listPage } from "@/lib/api/pagination";
import { companyCreateSchema, companyListQuerySchema, serializeCompany } from "@/lib/api/admin/companies";
import { requestOrigin } from "@/lib/api/request-origin";
import { requireActorWith } from "@/lib/auth/request-actor";
import { listCompanies } from "@/lib/domain/companies/list-companies";
import { createCompany } from "@/lib/domain/companies/save-company";
import { COMPANY_KEYS } from "@/lib/domain/companies/company-select";

export const dynamic = "force-dynamic";

export const GET = api(async (req: NextRequest) => {
  const actor = await requireActorWith(req, "company:manage");
  const { search } = parseQuery(req, companyListQuerySchema);
  return json(await listPage(req.nextUrl, { name: "admin.companies", keys: COMPANY_KEYS, load: (page) => listCompanies(actor, { search }, page), serialize: serializeCompany }));
});

export const POST = api(async (req: NextRequest) => {
  const actor = await requireActorWith(req, "company:manage");
  const { data } = await readBody(req);
  const company = await createCompany(actor, companyCreateSchema.parse(data), requestOrigin(req));
  return json(serializeCompany(company), { status: 201, headers: { Location: `/api/v1/admin/companies/${company.id}/` } });
}, { idempotent: true });

export const PUT = methodNotAllowed(["GET", "POST"]);
export const PATCH = PUT;
export const DELETE = PUT;
