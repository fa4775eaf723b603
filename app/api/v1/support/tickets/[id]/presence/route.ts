import { api, methodNotAllowed, readBody } from "@/lib/api/handler";
import { pathId } from "@/lib/api/path-id";
import { presenceSchema } from "@/lib/api/support/stream-schema";
import { requireActor } from "@/lib/auth/request-actor";
import { announcePresence } from "@/lib/realtime/presence";

export const dynamic = "force-dynamic";

/**
 * An agent's presence heartbeat on a ticket (send every ~10 s while the ticket is open;
 * `typing` while writing a reply; `leaving` on the way out). Other agents' streams get a
 * `presence` event; a viewer without a heartbeat for 30 s drops off.
 */
export const POST = api<{ id: string }>(async (req, { id }) => {
  const actor = await requireActor(req);
  const ticketId = pathId(id);
  const { data } = await readBody(req);
  const input = presenceSchema.parse(data ?? {});
  await announcePresence(actor, ticketId, input);
  return new Response(null, { status: 204 });
}, { idempotent: true });

export const GET = methodNotAllowed(["POST"]);
export const PUT = GET;
export const PATCH = GET;
export const DELETE = GET;
