import { api, json, methodNotAllowed, readBody } from "@/lib/api/handler";
import { ticketValidators } from "@/lib/api/conditional";
import { idempotent } from "@/lib/api/idempotency";
import { pathId } from "@/lib/api/path-id";
import { serializeCrmTicket } from "@/lib/api/serializers/crm";
import { requireActor } from "@/lib/auth/request-actor";
import { addComment } from "@/lib/domain/messages/add-comment";
import { crmAddCommentSchema } from "@/lib/schemas/crm";

export const dynamic = "force-dynamic";

export const POST = api<{ id: string }>(idempotent(async (req, { id }) => {
  const actor = await requireActor(req);
  const tid = pathId(id);
  const { data } = await readBody(req);
  const input = crmAddCommentSchema.parse(data);
  const t = await addComment(actor, tid, input);
  return json(serializeCrmTicket(t, actor), { headers: ticketValidators(t) });
}));

export const GET = methodNotAllowed(["POST"]);
export const PUT = GET;
export const PATCH = GET;
export const DELETE = GET;
