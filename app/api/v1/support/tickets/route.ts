import type { NextRequest } from "next/server";
import { api, json, methodNotAllowed, parseQuery, readBody } from "@/lib/api/handler";
import { listPage } from "@/lib/api/pagination";
import { SUPPORT_FIELD_NAMES, ticketOrdering, toCreateTicket, toTicketFilter } from "@/lib/api/support/mappers";
import { ticketCreateSchema, ticketListQuerySchema } from "@/lib/api/support/schemas";
import { serializeTicket } from "@/lib/api/support/serialize";
import { requireActor } from "@/lib/auth/request-actor";
import { createTicket } from "@/lib/domain/tickets/create-ticket";
import { ticketValidators } from "@/lib/api/conditional";
import { listTickets, ticketSortKeys } from "@/lib/domain/tickets/list-tickets";

export const dynamic = "force-dynamic";

export const GET = api(async (req: NextRequest) => {
  const actor = await requireActor(req);
  const q = parseQuery(req, ticketListQuerySchema);
  const filter = toTicketFilter(q);
  return json(
    await listPage(req.nextUrl, {
      name: "support.tickets",
      keys: ticketSortKeys(ticketOrdering(q.ordering)),
      load: (page) => listTickets(actor, filter, page),
      serialize: (t) => serializeTicket(t, actor),
    }),
  );
}, { fields: SUPPORT_FIELD_NAMES });

export const POST = api(async (req: NextRequest) => {
  const actor = await requireActor(req);
  const { data } = await readBody(req);
  const ticket = await createTicket(actor, toCreateTicket(ticketCreateSchema.parse(data)));
  return json(serializeTicket(ticket, actor), {
    status: 201,
    headers: { ...ticketValidators(ticket), Location: `/api/v1/support/tickets/${ticket.id}/` },
  });
}, { fields: SUPPORT_FIELD_NAMES, idempotent: true });

export const PUT = methodNotAllowed(["GET", "POST"]);
export const PATCH = PUT;
export const DELETE = PUT;
