import type { NextRequest } from "next/server";
import { api, json, methodNotAllowed, readBody } from "@/lib/api/handler";
import { requireActor } from "@/lib/auth/request-actor";
import { getNotificationPreferences } from "@/lib/domain/users/get-notification-preferences";
import { setNotificationPreferences } from "@/lib/domain/users/set-notification-preferences";
import { notificationPreferencesSchema } from "@/lib/schemas/notifications";

export const dynamic = "force-dynamic";

/** The current agent's email notification switches: {"ticket_update": true, "customer_reply": false, ...}. */
export const GET = api(async (req: NextRequest) => {
  const actor = await requireActor(req);
  return json(await getNotificationPreferences(actor));
});

export const PUT = api(async (req: NextRequest) => {
  const actor = await requireActor(req);
  const { data } = await readBody(req);
  return json(await setNotificationPreferences(actor, () => notificationPreferencesSchema.parse(data)));
});

export const POST = methodNotAllowed(["GET", "PUT"]);
export const PATCH = POST;
export const DELETE = POST;
