import type { NextRequest } from "next/server";
import { api, json, methodNotAllowed, parseQuery, readBody } from "@/lib/api/handler";
import { cursorPosition, pageBody, pageSize } from "@/lib/api/pagination";
import { ticketValidators } from "@/lib/api/conditional";
import { idempotent } from "@/lib/api/idempotency";
import { serializeCrmTicket } from "@/lib/api/serializers/crm";
import { requireActor } from "@/lib/auth/request-actor";
import { createCrmTicket } from "@/lib/domain/tickets/create-crm-ticket";
import { crmSortKeys, listCrmTickets } from "@/lib/domain/tickets/list-crm-tickets";
import { crmTicketCreateSchema, crmTicketListQuerySchema } from "@/lib/schemas/crm";

export const dynamic = "force-dynamic";

export const GET = api(async (req: NextRequest) => {
  const actor = await requireActor(req);
  const q = parseQuery(req, crmTicketListQuerySchema);
  const keys = crmSortKeys(q.ordering);
  // A cursor belongs to one ordering: reusing it under another is a 400, not a wrong page.
  const scope = `crm.tickets:${keys.map((k) => `${k.dir === "desc" ? "-" : ""}${k.field}`).join(",")}`;
  const page = await listCrmTickets(actor, q, cursorPosition(req, scope, keys), pageSize(q.page_size), keys);
  return json(pageBody(req, page, scope, (t) => serializeCrmTicket(t, actor)));
});

export const POST = api(idempotent(async (req: NextRequest) => {
  const actor = await requireActor(req);
  const { data } = await readBody(req);
  const input = crmTicketCreateSchema.parse(data);
  const t = await createCrmTicket(actor, input);
  return json(serializeCrmTicket(t, actor), {
    status: 201,
    headers: { ...ticketValidators(t), Location: `/api/v1/tickets/${t.id}/` },
  });
}));

export const PUT = methodNotAllowed(["GET", "POST"]);
export const PATCH = PUT;
export const DELETE = PUT;
