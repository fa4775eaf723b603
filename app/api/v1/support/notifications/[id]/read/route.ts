import { api, json, methodNotAllowed } from "@/lib/api/handler";
import { pathId } from "@/lib/api/path-id";
import { serializeUserNotification } from "@/lib/api/support/notifications";
import { requireActor } from "@/lib/auth/request-actor";
import { markNotificationRead } from "@/lib/domain/notifications/mark-notifications-read";

export const dynamic = "force-dynamic";
type Params = { id: string };

/** Marks one of the caller's notifications read (idempotent); anyone else's is 404. */
export const POST = api<Params>(async (req, { id }) => {
  const actor = await requireActor(req);
  return json(serializeUserNotification(await markNotificationRead(actor, pathId(id))));
});

export const GET = methodNotAllowed(["POST"]);
export const PUT = GET;
export const PATCH = GET;
export const DELETE = GET;
