import type { NextRequest } from "next/server";
import { api, methodNotAllowed, parseQuery } from "@/lib/api/handler";
import { streamQuerySchema } from "@/lib/api/support/stream-schema";
import { requireActor } from "@/lib/auth/request-actor";
import { openStream } from "@/lib/realtime/stream";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** Server-Sent Events: the changes the actor may see, resumable with Last-Event-ID. */
export const GET = api(async (req: NextRequest) => {
  const actor = await requireActor(req);
  const q = parseQuery(req, streamQuerySchema);
  const filter = { ticket: q.ticket, assignedToMe: q.assigned_to === "me" };
  return openStream(actor, filter, req.headers.get("last-event-id") ?? q.last_event_id ?? null, req.signal);
});

export const POST = methodNotAllowed(["GET"]);
export const PUT = POST;
export const PATCH = POST;
export const DELETE = POST;
