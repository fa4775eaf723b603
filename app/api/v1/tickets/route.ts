import type { NextRequest } from "next/server";
import { api, json, methodNotAllowed, parseQuery, readBody } from "@/lib/api/handler";
import { listPage } from "@/lib/api/pagination";
import { CRM_FIELD_NAMES, crmOrdering, toCrmCreateTicket, toCrmTicketFilter } from "@/lib/api/crm/mappers";
import { crmTicketCreateSchema, crmTicketListQuerySchema } from "@/lib/api/crm/schemas";
import { serializeCrmTicket } from "@/lib/api/crm/serialize";
import { requireActor } from "@/lib/auth/request-actor";
import { createTicket } from "@/lib/domain/tickets/create-ticket";
import { ticketValidators } from "@/lib/api/conditional";
import { getTicket } from "@/lib/domain/tickets/get-ticket";
import { listTickets, ticketSortKeys } from "@/lib/domain/tickets/list-tickets";
import type { TicketWithThread } from "@/lib/domain/tickets/ticket-thread-select";

export const dynamic = "force-dynamic";

export const GET = api(async (req: NextRequest) => {
  const actor = await requireActor(req);
  const q = parseQuery(req, crmTicketListQuerySchema);
  const filter = toCrmTicketFilter(q);
  return json(
    await listPage(req.nextUrl, {
      name: "crm.tickets",
      keys: ticketSortKeys<TicketWithThread>(crmOrdering(q.ordering)),
      load: (page) => listTickets(actor, filter, page, "thread"),
      serialize: (t) => serializeCrmTicket(t, actor),
    }),
  );
}, { fields: CRM_FIELD_NAMES });

export const POST = api(async (req: NextRequest) => {
  const actor = await requireActor(req);
  const { data } = await readBody(req);
  const created = await createTicket(actor, toCrmCreateTicket(crmTicketCreateSchema.parse(data)));
  const t = await getTicket(actor, created.id, "thread");
  return json(serializeCrmTicket(t, actor), {
    status: 201,
    headers: { ...ticketValidators(t), Location: `/api/v1/tickets/${t.id}/` },
  });
}, { fields: CRM_FIELD_NAMES, idempotent: true });

export const PUT = methodNotAllowed(["GET", "POST"]);
export const PATCH = PUT;
export const DELETE = PUT;
