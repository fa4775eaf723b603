import { z } from "zod";
import { boolFilter, listParams, pageOf } from "@/lib/schemas/common";
import { UNREAD_COUNT_LIMIT } from "@/lib/domain/notifications/count-unread-notifications";
import type { UserNotificationRow } from "@/lib/domain/notifications/notification-select";
import type { UserNotificationFilter } from "@/lib/domain/notifications/list-user-notifications";

/** Support API in-app notifications (the bell): list query, output shapes, serializer. */
export const notificationListQuerySchema = z
  .object({
    unread: boolFilter.optional().meta({ type: "boolean", description: "true: unread only; false: read only." }),
    ...listParams,
  })
  .meta({ id: "UserNotificationListQuery" });

export function toNotificationFilter(q: z.output<typeof notificationListQuerySchema>): UserNotificationFilter {
  return q.unread === undefined ? {} : { unread: q.unread };
}

const isoOut = z.string().meta({ format: "date-time" });
const uuid = z.string().meta({ format: "uuid" });

export const userNotificationOut = z
  .object({
    id: uuid,
    kind: z.enum(["sla_warning", "sla_breached"]),
    ticket: uuid.nullable(),
    ticket_number: z.string().nullable(),
    title: z.string(),
    body: z.string(),
    url: z.string().nullable().meta({ description: "The workspace page it is about (relative)." }),
    is_read: z.boolean(),
    read_at: isoOut.nullable(),
    created_at: isoOut,
  })
  .strict()
  .meta({ id: "UserNotification" });
export const userNotificationPageOut = pageOf(userNotificationOut, "UserNotificationPage");

export const unreadCountOut = z
  .object({
    unread_count: z.number().int().meta({ description: `Exact up to ${UNREAD_COUNT_LIMIT}; ${UNREAD_COUNT_LIMIT} with \`more\` when there are more.` }),
    more: z.boolean().meta({ description: `More than ${UNREAD_COUNT_LIMIT} unread.` }),
    label: z.string().meta({ description: `What the bell shows: "0" … "${UNREAD_COUNT_LIMIT}", or "${UNREAD_COUNT_LIMIT}+".` }),
  })
  .strict()
  .meta({ id: "UnreadNotificationCount" });

export const markedReadOut = z.object({ marked: z.number().int() }).strict().meta({ id: "NotificationsMarkedRead" });

export function serializeUserNotification(n: UserNotificationRow): z.output<typeof userNotificationOut> {
  return {
    id: n.id,
    kind: n.kind,
    ticket: n.ticketId,
    ticket_number: n.ticket?.number ?? null,
    title: n.title,
    body: n.body,
    url: n.ticketId ? `/agent/tickets/${n.ticketId}/` : null,
    is_read: n.readAt !== null,
    read_at: n.readAt?.toISOString() ?? null,
    created_at: n.createdAt.toISOString(),
  };
}

export function serializeUnreadCount(c: { count: number; more: boolean }): z.output<typeof unreadCountOut> {
  return { unread_count: c.count, more: c.more, label: c.more ? `${c.count}+` : String(c.count) };
}
