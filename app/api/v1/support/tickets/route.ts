import type { NextRequest } from "next/server";
import { api, json, methodNotAllowed, parseQuery, readBody } from "@/lib/api/handler";
import { cursorPosition, pageBody, pageSize } from "@/lib/api/pagination";
import { serializeTicket } from "@/lib/api/serializers/support";
import { ticketValidators } from "@/lib/api/conditional";
import { idempotent } from "@/lib/api/idempotency";
import { requireActor } from "@/lib/auth/request-actor";
import { createTicket } from "@/lib/domain/tickets/create-ticket";
import { listTickets, ticketSortKeys } from "@/lib/domain/tickets/list-tickets";
import { ticketCreateSchema, ticketListQuerySchema } from "@/lib/schemas/support";

export const dynamic = "force-dynamic";

export const GET = api(async (req: NextRequest) => {
  const actor = await requireActor(req);
  const q = parseQuery(req, ticketListQuerySchema);
  const keys = ticketSortKeys(q.ordering);
  const scope = `support.tickets:${keys.map((k) => `${k.dir === "desc" ? "-" : ""}${k.field}`).join(",")}`;
  const page = await listTickets(actor, q, cursorPosition(req, scope, keys), pageSize(q.page_size), keys);
  return json(pageBody(req, page, scope, (t) => serializeTicket(t, actor)));
});

export const POST = api(idempotent(async (req: NextRequest) => {
  const actor = await requireActor(req);
  const { data } = await readBody(req);
  const input = ticketCreateSchema.parse(data);
  const ticket = await createTicket(actor, input);
  return json(serializeTicket(ticket, actor), {
    status: 201,
    headers: { ...ticketValidators(ticket), Location: `/api/v1/support/tickets/${ticket.id}/` },
  });
}));

export const PUT = methodNotAllowed(["GET", "POST"]);
export const PATCH = PUT;
export const DELETE = PUT;
