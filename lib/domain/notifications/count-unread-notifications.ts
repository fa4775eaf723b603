import { db } from "@/lib/db/client";
import type { Actor } from "../actor";

/** The bell counts exactly up to this many; beyond it, it says "99+". */
export const UNREAD_COUNT_LIMIT = 99;

/**
 * The actor's unread count, bounded: at most LIMIT + 1 index entries of the partial unread
 * index are read, however many there are, so the bell's poll costs the same for everyone.
 */
export async function countUnreadNotifications(actor: Actor): Promise<{ count: number; more: boolean }> {
  const prisma = await db();
  const [r] = await prisma.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM (
      SELECT 1 FROM user_notifications WHERE user_id = ${actor.id}::uuid AND read_at IS NULL
      LIMIT ${UNREAD_COUNT_LIMIT + 1}) s`;
  const n = r?.n ?? 0;
  return { count: Math.min(n, UNREAD_COUNT_LIMIT), more: n > UNREAD_COUNT_LIMIT };
}
