import { api, json, methodNotAllowed } from "@/lib/api/handler";
import { pathId } from "@/lib/api/path-id";
import { serializeCapabilities } from "@/lib/api/support/serialize";
import { requireActor } from "@/lib/auth/request-actor";
import { ticketEtag } from "@/lib/domain/tickets/etag";
import { getTicketCapabilities } from "@/lib/domain/tickets/get-ticket-capabilities";

export const dynamic = "force-dynamic";

/** What the caller may do with this ticket now, decided by the server's policy. */
export const GET = api<{ id: string }>(async (req, { id }) => {
  const actor = await requireActor(req);
  const { ticket, capabilities } = await getTicketCapabilities(actor, pathId(id));
  return json(serializeCapabilities(capabilities), { headers: { ETag: ticketEtag(ticket) } });
});

export const POST = methodNotAllowed(["GET"]);
export const PUT = POST;
export const PATCH = POST;
export const DELETE = POST;
