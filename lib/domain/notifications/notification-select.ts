import type { Prisma } from "@/lib/db/generated/client";
import type { Actor } from "../actor";

export const userNotificationSelect = {
  id: true, kind: true, ticketId: true, title: true, body: true, createdAt: true, readAt: true,
  ticket: { select: { number: true } },
} satisfies Prisma.UserNotificationSelect;
export type UserNotificationRow = Prisma.UserNotificationGetPayload<{ select: typeof userNotificationSelect }>;

/** In-app notifications are their recipient's alone: anyone else's is simply not there (404). */
export function notificationsOf(actor: Actor): Prisma.UserNotificationWhereInput {
  return { userId: actor.id };
}
