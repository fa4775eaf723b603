import { api, json, methodNotAllowed } from "@/lib/api/handler";
import { requireActor } from "@/lib/auth/request-actor";
import { ticketStats } from "@/lib/domain/tickets/ticket-stats";

export const dynamic = "force-dynamic";

export const GET = api(async (req) => {
  const actor = await requireActor(req);
  return json(await ticketStats(actor));
});

export const POST = methodNotAllowed(["GET"]);
export const PUT = POST;
export const PATCH = POST;
export const DELETE = POST;
