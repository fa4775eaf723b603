import type { NextRequest } from "next/server";
import { api, json, methodNotAllowed, readBody } from "@/lib/api/handler";
import { ticketPreconditions, ticketValidators } from "@/lib/api/conditional";
import { pathId } from "@/lib/api/path-id";
import { serializeCrmTicket } from "@/lib/api/serializers/crm";
import { requireActor } from "@/lib/auth/request-actor";
import { deleteTicket } from "@/lib/domain/tickets/delete-ticket";
import { getCrmTicket } from "@/lib/domain/tickets/get-crm-ticket";
import { updateCrmTicket } from "@/lib/domain/tickets/update-crm-ticket";
import { crmTicketUpdateSchema } from "@/lib/schemas/crm";

export const dynamic = "force-dynamic";
type Params = { id: string };

export const GET = api<Params>(async (req, { id }) => {
  const actor = await requireActor(req);
  const t = await getCrmTicket(actor, pathId(id));
  return json(serializeCrmTicket(t, actor), { headers: ticketValidators(t) });
});

export const PATCH = api<Params>(async (req: NextRequest, { id }) => {
  const actor = await requireActor(req);
  const tid = pathId(id);
  const { data } = await readBody(req);
  const input = crmTicketUpdateSchema.parse(data);
  const t = await updateCrmTicket(actor, tid, input, ticketPreconditions(req));
  return json(serializeCrmTicket(t, actor), { headers: ticketValidators(t) });
});

export const DELETE = api<Params>(async (req, { id }) => {
  const actor = await requireActor(req);
  await deleteTicket(actor, pathId(id));
  return new Response(null, { status: 204 });
});

export const POST = methodNotAllowed(["GET", "PATCH", "DELETE"]);
export const PUT = POST;
