import type { NextRequest } from "next/server";
import { api, json, methodNotAllowed, parseQuery } from "@/lib/api/handler";
import { listPage } from "@/lib/api/pagination";
import { notificationListQuerySchema, serializeUserNotification, toNotificationFilter } from "@/lib/api/support/notifications";
import { requireActor } from "@/lib/auth/request-actor";
import { listUserNotifications, USER_NOTIFICATION_KEYS } from "@/lib/domain/notifications/list-user-notifications";

export const dynamic = "force-dynamic";

/** The caller's own in-app notifications, newest first (`unread=true`: unread only). */
export const GET = api(async (req: NextRequest) => {
  const actor = await requireActor(req);
  const filter = toNotificationFilter(parseQuery(req, notificationListQuerySchema));
  return json(
    await listPage(req.nextUrl, {
      name: "support.notifications",
      keys: USER_NOTIFICATION_KEYS,
      load: (page) => listUserNotifications(actor, filter, page),
      serialize: serializeUserNotification,
    }),
  );
});

export const POST = methodNotAllowed(["GET"]);
export const PUT = POST;
export const PATCH = POST;
export const DELETE = POST;
