import { db } from "@/lib/db/client";
import { withTransaction } from "@/lib/db/transaction";
import type { Actor } from "../actor";
import { assertCanManageNotifications, readPreferences } from "./get-notification-preferences";
import type { NotificationPreferenceChanges, NotificationPreferences } from "./notification-kinds";

/**
 * Turns notification kinds on or off for the current agent; returns the full set afterwards.
 * `changes` may be a function that validates the request: it runs after the permission check,
 * so a customer is refused (403) whatever they send.
 */
export async function setNotificationPreferences(
  actor: Actor,
  changes: NotificationPreferenceChanges | (() => NotificationPreferenceChanges),
): Promise<NotificationPreferences> {
  assertCanManageNotifications(actor);
  const prefs = typeof changes === "function" ? changes() : changes;
  const prisma = await db();
  return withTransaction(prisma, async (tx) => {
    for (const [kind, enabled] of Object.entries(prefs) as [keyof NotificationPreferences, boolean | undefined][]) {
      if (enabled === undefined) continue;
      await tx.notificationPreference.upsert({
        where: { userId_kind: { userId: actor.id, kind } },
        create: { userId: actor.id, kind, enabled },
        update: { enabled },
      });
    }
    return readPreferences(tx, actor.id);
  });
}
