import { db } from "@/lib/db/client";
import {
  notificationPreferencesSchema,
  type NotificationPreferences,
  type NotificationPreferencesInput,
} from "@/lib/schemas/notifications";
import type { Actor } from "../actor";
import { assertCanManageNotifications, readPreferences } from "./get-notification-preferences";

/** Turns notification kinds on or off for the current agent; returns the full set afterwards. */
export async function setNotificationPreferences(
  actor: Actor,
  input: NotificationPreferencesInput | unknown,
): Promise<NotificationPreferences> {
  // Permission before validation: a customer gets 403 whatever they send.
  assertCanManageNotifications(actor);
  const prefs = notificationPreferencesSchema.parse(input);
  const prisma = await db();
  return prisma.$transaction(async (tx) => {
    for (const [kind, enabled] of Object.entries(prefs)) {
      if (enabled === undefined) continue;
      await tx.notificationPreference.upsert({
        where: { userId_kind: { userId: actor.id, kind: kind as keyof NotificationPreferences } },
        create: { userId: actor.id, kind: kind as keyof NotificationPreferences, enabled },
        update: { enabled },
      });
    }
    return readPreferences(tx, actor.id);
  });
}
