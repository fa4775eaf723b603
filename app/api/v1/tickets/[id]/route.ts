import type { NextRequest } from "next/server";
import { api, json, methodNotAllowed, readBody } from "@/lib/api/handler";
import { CRM_FIELD_NAMES, toCrmUpdateTicket } from "@/lib/api/crm/mappers";
import { crmTicketUpdateSchema } from "@/lib/api/crm/schemas";
import { serializeCrmTicket } from "@/lib/api/crm/serialize";
import { pathId } from "@/lib/api/path-id";
import { requireActor } from "@/lib/auth/request-actor";
import { deleteTicket } from "@/lib/domain/tickets/delete-ticket";
import { ticketPreconditions, ticketValidators } from "@/lib/api/conditional";
import { getTicket } from "@/lib/domain/tickets/get-ticket";
import { updateTicket } from "@/lib/domain/tickets/update-ticket";

export const dynamic = "force-dynamic";
type Params = { id: string };

export const GET = api<Params>(async (req, { id }) => {
  const actor = await requireActor(req);
  const t = await getTicket(actor, pathId(id), "thread");
  return json(serializeCrmTicket(t, actor), { headers: ticketValidators(t) });
});

export const PATCH = api<Params>(async (req: NextRequest, { id }) => {
  const actor = await requireActor(req);
  const tid = pathId(id);
  const { data } = await readBody(req);
  // Always through updateTicket (even a company-only change): it decides visibility, the
  // customer refusal and If-Match.
  await updateTicket(actor, tid, toCrmUpdateTicket(crmTicketUpdateSchema.parse(data)), ticketPreconditions(req));
  const t = await getTicket(actor, tid, "thread");
  return json(serializeCrmTicket(t, actor), { headers: ticketValidators(t) });
}, { fields: CRM_FIELD_NAMES });

export const DELETE = api<Params>(async (req, { id }) => {
  const actor = await requireActor(req);
  await deleteTicket(actor, pathId(id));
  return new Response(null, { status: 204 });
});

export const POST = methodNotAllowed(["GET", "PATCH", "DELETE"]);
export const PUT = POST;
