import type { NextRequest } from "next/server";
import { api, json, methodNotAllowed, readBody } from "@/lib/api/handler";
import { pathId } from "@/lib/api/path-id";
import { companyUpdateSchema, serializeCompany } from "@/lib/api/admin/companies";
import { requestOrigin } from "@/lib/api/request-origin";
import { requireActorWith } from "@/lib/auth/request-actor";
import { updateCompany } from "@/lib/domain/companies/save-company";

export const dynamic = "force-dynamic";
type Params = { id: string };

export const PATCH = api<Params>(async (req: NextRequest, { id }) => {
  const actor = await requireActorWith(req, "company:manage");
  const cid = pathId(id);
  const { data } = await readBody(req);
  return json(serializeCompany(await updateCompany(actor, cid, companyUpdateSchema.parse(data), requestOrigin(req))));
});

export const GET = methodNotAllowed(["PATCH"]);
export const POST = GET;
export const PUT = GET;
