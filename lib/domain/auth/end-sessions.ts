import type { Prisma } from "@/lib/db/generated/client";

/**
 * Ends every session and credential of a user issued before `at`: browser sessions, JWT access
 * and refresh tokens (users.sessions_valid_after, checked by loadActor) and personal API tokens
 * (revoked here, so their list says so; loadActor would refuse them anyway). Used by a password
 * reset, a password change and "sign out everywhere".
 */
export async function endSessions(tx: Prisma.TransactionClient, userId: string, at: Date, extra: Prisma.UserUpdateInput = {}): Promise<void> {
  await tx.user.update({ where: { id: userId }, data: { ...extra, sessionsValidAfter: at } });
  await tx.apiToken.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: at } });
}
