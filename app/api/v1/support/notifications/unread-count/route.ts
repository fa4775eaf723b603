import type { NextRequest } from "next/server";
import { api, json, methodNotAllowed } from "@/lib/api/handler";
import { serializeUnreadCount } from "@/lib/api/support/notifications";
import { requireActor } from "@/lib/auth/request-actor";
import { countUnreadNotifications } from "@/lib/domain/notifications/count-unread-notifications";

export const dynamic = "force-dynamic";

/** The bell's badge: the caller's unread count, exact up to 99, then "99+". */
export const GET = api(async (req: NextRequest) => {
  const actor = await requireActor(req);
  return json(serializeUnreadCount(await countUnreadNotifications(actor)));
});

export const POST = methodNotAllowed(["GET"]);
export const PUT = POST;
export const PATCH = POST;
export const DELETE = POST;
