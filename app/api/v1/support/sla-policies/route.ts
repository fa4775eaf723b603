import type { NextRequest } from "next/server";
import { api, json, methodNotAllowed, readBody } from "@/lib/api/handler";
import { SLA_POLICY_FIELD_NAMES, serializeSlaPolicy, toSlaPolicyInput } from "@/lib/api/support/sla-policy-mappers";
import { slaPolicyCreateSchema } from "@/lib/api/support/sla-policy-schemas";
import { requestOrigin } from "@/lib/api/request-origin";
import { requireActor } from "@/lib/auth/request-actor";
import { createSlaPolicy } from "@/lib/domain/sla/save-sla-policy";
import { listSlaPolicies } from "@/lib/domain/sla/list-sla-policies";

export const dynamic = "force-dynamic";

/** Every SLA policy in matching order (a short list: one page). Agents may read. */
export const GET = api(async (req: NextRequest) => {
  const actor = await requireActor(req);
  return json({ next: null, previous: null, results: (await listSlaPolicies(actor)).map(serializeSlaPolicy) });
});

export const POST = api(async (req: NextRequest) => {
  const actor = await requireActor(req);
  const { data } = await readBody(req);
  const input = slaPolicyCreateSchema.parse(data);
  const p = await createSlaPolicy(actor, { ...toSlaPolicyInput(input), name: input.name }, requestOrigin(req));
  return json(serializeSlaPolicy(p), { status: 201, headers: { Location: `/api/v1/support/sla-policies/${p.id}/` } });
}, { fields: SLA_POLICY_FIELD_NAMES, idempotent: true });

export const PUT = methodNotAllowed(["GET", "POST"]);
export const PATCH = PUT;
export const DELETE = PUT;
