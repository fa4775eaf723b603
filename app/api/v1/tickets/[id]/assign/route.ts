import { api, json, methodNotAllowed, readBody } from "@/lib/api/handler";
import { ticketValidators } from "@/lib/api/conditional";
import { idempotent } from "@/lib/api/idempotency";
import { pathId } from "@/lib/api/path-id";
import { serializeCrmTicket } from "@/lib/api/serializers/crm";
import { requireActor } from "@/lib/auth/request-actor";
import { assignTicket } from "@/lib/domain/tickets/assign-ticket";
import { crmAssignSchema } from "@/lib/schemas/crm";

export const dynamic = "force-dynamic";

export const POST = api<{ id: string }>(idempotent(async (req, { id }) => {
  const actor = await requireActor(req);
  const tid = pathId(id);
  const { data } = await readBody(req);
  const input = crmAssignSchema.parse(data);
  const t = await assignTicket(actor, tid, input.user_id);
  return json(serializeCrmTicket(t, actor), { headers: ticketValidators(t) });
}));

export const GET = methodNotAllowed(["POST"]);
export const PUT = GET;
export const PATCH = GET;
export const DELETE = GET;
