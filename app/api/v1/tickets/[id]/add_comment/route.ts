import { api, json, methodNotAllowed, readBody } from "@/lib/api/handler";
import { CRM_FIELD_NAMES } from "@/lib/api/crm/mappers";
import { crmAddCommentSchema } from "@/lib/api/crm/schemas";
import { serializeCrmTicket } from "@/lib/api/crm/serialize";
import { pathId } from "@/lib/api/path-id";
import { requireActor } from "@/lib/auth/request-actor";
import { postMessage } from "@/lib/domain/messages/post-message";
import { ticketValidators } from "@/lib/api/conditional";
import { getTicket } from "@/lib/domain/tickets/get-ticket";

export const dynamic = "force-dynamic";

/** A comment or internal note on the ticket in the URL; answers with the updated ticket. */
export const POST = api<{ id: string }>(async (req, { id }) => {
  const actor = await requireActor(req);
  const tid = pathId(id);
  const { data } = await readBody(req);
  const input = crmAddCommentSchema.parse(data);
  await postMessage(actor, { ticketId: tid, body: input.text, isInternal: input.is_internal }, { ticketAddressed: true });
  const t = await getTicket(actor, tid, "thread");
  return json(serializeCrmTicket(t, actor), { headers: ticketValidators(t) });
}, { fields: CRM_FIELD_NAMES, idempotent: true });

export const GET = methodNotAllowed(["POST"]);
export const PUT = GET;
export const PATCH = GET;
export const DELETE = GET;
