import type { NextRequest } from "next/server";
import { api, json, methodNotAllowed, parseQuery } from "@/lib/api/handler";
import { serializeTicketParties } from "@/lib/api/support/serialize-parties";
import { ticketPartiesQuerySchema } from "@/lib/api/support/ticket-parties";
import { requireActor } from "@/lib/auth/request-actor";
import { PermissionDeniedError } from "@/lib/domain/errors";
import { isAgent } from "@/lib/domain/policy";
import { listTicketParties } from "@/lib/domain/tickets/list-ticket-parties";

export const dynamic = "force-dynamic";

/** Requester, contact and order of up to 100 tickets, for agents' lists and ticket views. */
export const GET = api(async (req: NextRequest) => {
  const actor = await requireActor(req);
  // Customers already know who they are, and must never see other customers' details.
  if (!isAgent(actor)) throw new PermissionDeniedError("Only support agents can look up ticket parties.");
  const { tickets } = parseQuery(req, ticketPartiesQuerySchema);
  const parties = await listTicketParties(actor, tickets);
  const results = tickets.filter((id) => parties.has(id)).map((id) => serializeTicketParties(id, parties.get(id)!));
  return json({ next: null, previous: null, results });
});

export const POST = methodNotAllowed(["GET"]);
export const PUT = POST;
export const PATCH = POST;
export const DELETE = POST;
