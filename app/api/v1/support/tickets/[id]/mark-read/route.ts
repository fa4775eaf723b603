import { api, json, methodNotAllowed } from "@/lib/api/handler";
import { serializeTicket } from "@/lib/api/support/serialize";
import { requireActor } from "@/lib/auth/request-actor";
import { ticketValidators } from "@/lib/api/conditional";
import { markTicketRead } from "@/lib/domain/tickets/mark-ticket-read";
import { pathId } from "@/lib/api/path-id";

export const dynamic = "force-dynamic";

export const POST = api<{ id: string }>(async (req, { id }) => {
  const actor = await requireActor(req);
  const t = await markTicketRead(actor, pathId(id));
  return json(serializeTicket(t, actor), { headers: ticketValidators(t) });
}, { idempotent: true });

export const GET = methodNotAllowed(["POST"]);
export const PUT = GET;
export const PATCH = GET;
export const DELETE = GET;
