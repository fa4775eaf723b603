import type { Prisma } from "@/lib/db/generated/client";
import { db } from "@/lib/db/client";
import type { Actor } from "../actor";
import { paginate, type PageRequest, type SortKey } from "../keyset";
import { notificationsOf, userNotificationSelect, type UserNotificationRow } from "./notification-select";

/** Newest first; served by the (user_id, created_at DESC, id DESC) indexes (the unread one when filtered). */
export const USER_NOTIFICATION_KEYS: SortKey<UserNotificationRow>[] = [
  { field: "createdAt", dir: "desc", type: "date", get: (n) => n.createdAt },
  { field: "id", dir: "desc", type: "string", get: (n) => n.id },
];

export interface UserNotificationFilter {
  unread?: boolean;
}

/** The actor's own in-app notifications. */
export async function listUserNotifications(actor: Actor, f: UserNotificationFilter, page: PageRequest<UserNotificationRow>) {
  const prisma = await db();
  const and: Prisma.UserNotificationWhereInput[] = [notificationsOf(actor)];
  if (f.unread !== undefined) and.push({ readAt: f.unread ? null : { not: null } });
  return paginate(page, (args) =>
    prisma.userNotification.findMany({
      where: { AND: [...and, args.where as Prisma.UserNotificationWhereInput] },
      orderBy: args.orderBy as Prisma.UserNotificationOrderByWithRelationInput[],
      take: args.take,
      select: userNotificationSelect,
    }),
  );
}
