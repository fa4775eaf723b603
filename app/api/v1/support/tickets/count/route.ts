import type { NextRequest } from "next/server";
import { api, json, methodNotAllowed, parseQuery } from "@/lib/api/handler";
import { SUPPORT_FIELD_NAMES, toTicketFilter } from "@/lib/api/support/mappers";
import { ticketCountQuerySchema } from "@/lib/api/support/schemas";
import { requireActor } from "@/lib/auth/request-actor";
import { countTickets } from "@/lib/domain/tickets/count-tickets";

export const dynamic = "force-dynamic";

/** How many tickets GET support/tickets/ would list with the same filters: {count, capped}. */
export const GET = api(async (req: NextRequest) => {
  const actor = await requireActor(req);
  const filter = toTicketFilter(parseQuery(req, ticketCountQuerySchema));
  return json(await countTickets(actor, filter));
}, { fields: SUPPORT_FIELD_NAMES });

export const POST = methodNotAllowed(["GET"]);
export const PUT = POST;
export const PATCH = POST;
export const DELETE = POST;
