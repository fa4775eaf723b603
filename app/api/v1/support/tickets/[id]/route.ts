import type { NextRequest } from "next/server";
import { api, json, methodNotAllowed, readBody } from "@/lib/api/handler";
import { pathId } from "@/lib/api/path-id";
import { SUPPORT_FIELD_NAMES, toUpdateTicket } from "@/lib/api/support/mappers";
import { ticketUpdateSchema } from "@/lib/api/support/schemas";
import { serializeTicket } from "@/lib/api/support/serialize";
import { requireActor } from "@/lib/auth/request-actor";
import { ticketPreconditions, ticketValidators } from "@/lib/api/conditional";
import { getTicket } from "@/lib/domain/tickets/get-ticket";
import { updateTicket } from "@/lib/domain/tickets/update-ticket";

export const dynamic = "force-dynamic";
type Params = { id: string };

export const GET = api<Params>(async (req, { id }) => {
  const actor = await requireActor(req);
  const t = await getTicket(actor, pathId(id));
  return json(serializeTicket(t, actor), { headers: ticketValidators(t) });
});

export const PATCH = api<Params>(async (req: NextRequest, { id }) => {
  const actor = await requireActor(req);
  const tid = pathId(id);
  const { data } = await readBody(req);
  const input = toUpdateTicket(ticketUpdateSchema.parse(data));
  const t = await updateTicket(actor, tid, input, ticketPreconditions(req));
  return json(serializeTicket(t, actor), { headers: ticketValidators(t) });
}, { fields: SUPPORT_FIELD_NAMES });

export const POST = methodNotAllowed(["GET", "PATCH"]);
export const PUT = POST;
export const DELETE = POST;
