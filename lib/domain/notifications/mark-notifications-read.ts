import { db } from "@/lib/db/client";
import type { Actor } from "../actor";
import { NotFoundError } from "../errors";
import { notificationsOf, userNotificationSelect, type UserNotificationRow } from "./notification-select";

/**
 * Marks one of the actor's notifications read (idempotent: a second call keeps the first
 * read_at). Someone else's is 404, like one that does not exist.
 */
export async function markNotificationRead(actor: Actor, id: string, now = new Date()): Promise<UserNotificationRow> {
  const prisma = await db();
  const where = { AND: [notificationsOf(actor), { id }] };
  await prisma.userNotification.updateMany({ where: { AND: [...where.AND, { readAt: null }] }, data: { readAt: now } });
  const row = await prisma.userNotification.findFirst({ where, select: userNotificationSelect });
  if (!row) throw new NotFoundError();
  return row;
}

/** Marks every unread notification of the actor read; returns how many changed. */
export async function markAllNotificationsRead(actor: Actor, now = new Date()): Promise<{ marked: number }> {
  const prisma = await db();
  const r = await prisma.userNotification.updateMany({ where: { AND: [notificationsOf(actor), { readAt: null }] }, data: { readAt: now } });
  return { marked: r.count };
}
