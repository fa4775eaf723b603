import type { NextRequest } from "next/server";
import { api, json, methodNotAllowed } from "@/lib/api/handler";
import { requireActor } from "@/lib/auth/request-actor";
import { markAllNotificationsRead } from "@/lib/domain/notifications/mark-notifications-read";

export const dynamic = "force-dynamic";

/** Marks every unread notification of the caller read: {"marked": n}. */
export const POST = api(async (req: NextRequest) => {
  const actor = await requireActor(req);
  return json(await markAllNotificationsRead(actor));
});

export const GET = methodNotAllowed(["POST"]);
export const PUT = GET;
export const PATCH = GET;
export const DELETE = GET;
