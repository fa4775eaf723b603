import type { NotificationKind } from "@/lib/db/generated/client";

/** Notification kinds an agent can switch on or off for themselves. */
export const NOTIFICATION_KINDS = ["ticket_update", "customer_reply", "ticket_created", "sla_warning", "sla_breached"] as const satisfies readonly NotificationKind[];
export type NotificationKindName = (typeof NOTIFICATION_KINDS)[number];
export type NotificationPreferences = Record<NotificationKindName, boolean>;
export type NotificationPreferenceChanges = Partial<NotificationPreferences>;
