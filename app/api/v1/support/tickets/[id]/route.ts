import type { NextRequest } from "next/server";
import { api, json, methodNotAllowed, readBody } from "@/lib/api/handler";
import { serializeTicket } from "@/lib/api/serializers/support";
import { requireActor } from "@/lib/auth/request-actor";
import { pathId } from "@/lib/api/path-id";
import { ticketPreconditions, ticketValidators } from "@/lib/api/conditional";
import { getTicket } from "@/lib/domain/tickets/get-ticket";
import { updateTicket } from "@/lib/domain/tickets/update-ticket";
import { ticketUpdateSchema } from "@/lib/schemas/support";

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
  const input = ticketUpdateSchema.parse(data);
  const t = await updateTicket(actor, tid, input, ticketPreconditions(req));
  return json(serializeTicket(t, actor), { headers: ticketValidators(t) });
});

export const POST = methodNotAllowed(["GET", "PATCH"]);
export const PUT = POST;
export const DELETE = POST;
