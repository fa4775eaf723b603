import { api, json, methodNotAllowed, readBody } from "@/lib/api/handler";
import { CRM_ASSIGN_FIELD_NAMES } from "@/lib/api/crm/mappers";
import { crmAssignSchema } from "@/lib/api/crm/schemas";
import { serializeCrmTicket } from "@/lib/api/crm/serialize";
import { pathId } from "@/lib/api/path-id";
import { requireActor } from "@/lib/auth/request-actor";
import { ticketValidators } from "@/lib/api/conditional";
import { getTicket } from "@/lib/domain/tickets/get-ticket";
import { updateTicket } from "@/lib/domain/tickets/update-ticket";

export const dynamic = "force-dynamic";

/**
 * Assigns (user_id) or unassigns (null) through updateTicket, so the permission rule, the
 * lifecycle's status move and the assignment event are the same as a PATCH's.
 */
export const POST = api<{ id: string }>(async (req, { id }) => {
  const actor = await requireActor(req);
  const tid = pathId(id);
  const { data } = await readBody(req);
  const input = crmAssignSchema.parse(data);
  await updateTicket(actor, tid, { assignedToId: input.user_id });
  const t = await getTicket(actor, tid, "thread");
  return json(serializeCrmTicket(t, actor), { headers: ticketValidators(t) });
}, { fields: CRM_ASSIGN_FIELD_NAMES, idempotent: true });

export const GET = methodNotAllowed(["POST"]);
export const PUT = GET;
export const PATCH = GET;
export const DELETE = GET;
