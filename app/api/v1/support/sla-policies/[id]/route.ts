import type { NextRequest } from "next/server";
import { api, json, methodNotAllowed, readBody } from "@/lib/api/handler";
import { pathId } from "@/lib/api/path-id";
import { SLA_POLICY_FIELD_NAMES, serializeSlaPolicy, toSlaPolicyInput } from "@/lib/api/support/sla-policy-mappers";
import { slaPolicyUpdateSchema } from "@/lib/api/support/sla-policy-schemas";
import { requestOrigin } from "@/lib/api/request-origin";
import { requireActor } from "@/lib/auth/request-actor";
import { deleteSlaPolicy } from "@/lib/domain/sla/delete-sla-policy";
import { getSlaPolicy } from "@/lib/domain/sla/list-sla-policies";
import { updateSlaPolicy } from "@/lib/domain/sla/save-sla-policy";

export const dynamic = "force-dynamic";
type Params = { id: string };

export const GET = api<Params>(async (req, { id }) => {
  const actor = await requireActor(req);
  return json(serializeSlaPolicy(await getSlaPolicy(actor, pathId(id))));
});

export const PATCH = api<Params>(async (req: NextRequest, { id }) => {
  const actor = await requireActor(req);
  const pid = pathId(id);
  const { data } = await readBody(req);
  return json(serializeSlaPolicy(await updateSlaPolicy(actor, pid, toSlaPolicyInput(slaPolicyUpdateSchema.parse(data)), requestOrigin(req))));
}, { fields: SLA_POLICY_FIELD_NAMES });

export const DELETE = api<Params>(async (req, { id }) => {
  const actor = await requireActor(req);
  await deleteSlaPolicy(actor, pathId(id), requestOrigin(req));
  return new Response(null, { status: 204 });
});

export const POST = methodNotAllowed(["GET", "PATCH", "DELETE"]);
export const PUT = POST;
