import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { NOTIFICATION_KINDS, type NotificationPreferences } from "./notification-kinds";
import type { Actor } from "../actor";
import { assertCan } from "../policy";

/** Customers get what their requests need; per-kind switches are an agent setting. */
export function assertCanManageNotifications(actor: Actor) {
  assertCan(actor, "preferences:manage", {}, "Only support agents have notification preferences.");
}

export async function readPreferences(
  client: Prisma.TransactionClient,
  userId: string,
): Promise<NotificationPreferences> {
  const rows = await client.notificationPreference.findMany({ where: { userId }, select: { kind: true, enabled: true } });
  // No row means on: a new agent gets every notification until they say otherwise.
  const out = Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, true])) as NotificationPreferences;
  for (const r of rows) if (r.kind in out) out[r.kind as keyof NotificationPreferences] = r.enabled;
  return out;
}

/** The current agent's notification switches, one boolean per kind. */
export async function getNotificationPreferences(actor: Actor): Promise<NotificationPreferences> {
  assertCanManageNotifications(actor);
  return readPreferences(await db(), actor.id);
}
