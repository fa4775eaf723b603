import type { NextRequest } from "next/server";
import { api, json, methodNotAllowed, parseQuery, readBody } from "@/lib/api/handler";
import { listPage } from "@/lib/api/pagination";
import { SUPPORT_FIELD_NAMES, ticketOrdering, toCreateTicket, toTicketFilter } from "@/lib/api/support/mappers";
import { ticketCreateSchema, ticketListQuerySchema } from "@/lib/api/support/schemas";
import { serializeTicket } from "@/lib/api/support/serialize";
import { notAuthenticated, requireActor, requireClaims } from "@/lib/auth/request-actor";
import type { Actor } from "@/lib/domain/actor";
import { createTicket } from "@/lib/domain/tickets/create-ticket";
import { ticketValidators } from "@/lib/api/conditional";
import { listTicketsFor, ticketSortKeys } from "@/lib/domain/tickets/list-tickets";

export const dynamic = "force-dynamic";

/**
 * The agents' queue and the customers' list: the hottest request there is, so the user is read
 * in the page's own statement (listTicketsFor: one round trip instead of two).
 */
export const GET = api(async (req: NextRequest) => {
  const claims = await requireClaims(req);
  let actor: Actor | null = null;
  try {
    const q = parseQuery(req, ticketListQuerySchema);
    const filter = toTicketFilter(q);
    return json(
      await listPage(req.nextUrl, {
        name: "support.tickets",
        keys: ticketSortKeys(ticketOrdering(q.ordering)),
        load: async (page) => {
          const found = await listTicketsFor(claims, filter, page);
          if (!found) throw notAuthenticated(req);
          actor = found.actor;
          return found.page;
        },
        serialize: (t) => serializeTicket(t, actor!),
      }),
    );
  } catch (e) {
    // Refused before the user was read (a bad filter, a bad cursor): answered as if the user
    // had been read first, so a deactivated user hears 401, not what was wrong with the query.
    if (!actor) await requireActor(req);
    throw e;
  }
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
