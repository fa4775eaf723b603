import { db } from "@/lib/db/client";
import { withTransaction } from "@/lib/db/transaction";
import { hashPassword } from "./password";
import { assertStrongPassword } from "./password-strength";
import { consumeToken, revokeTokens } from "./one-time-tokens";
import { invalidLink, linkContact } from "./account-helpers";
import { endSessions } from "./end-sessions";

/**
 * Sets a new password from a reset link. Every session and API token issued before now stops
 * working (users.sessions_valid_after; personal API tokens are revoked), other reset and
 * sign-in links are spent, and the address counts as verified (the link reached it). A weak password is refused before the
 * token is spent, so the user can try again with the same link.
 */
export async function resetPassword(secret: string, password: string): Promise<{ email: string }> {
  assertStrongPassword(password);
  const passwordHash = await hashPassword(password);
  const prisma = await db();
  return withTransaction(prisma, async (tx) => {
    const t = await consumeToken(tx, "password_reset", secret);
    const user = t ? await tx.user.findUnique({ where: { id: t.userId }, select: { email: true, name: true, isActive: true, emailVerifiedAt: true } }) : null;
    if (!t || !user || !user.isActive || user.email !== t.email) throw invalidLink();
    assertStrongPassword(password, [user.name, user.email]); // throws: the transaction, and the spent token, roll back
    const now = new Date();
    await endSessions(tx, t.userId, now, { passwordHash, emailVerifiedAt: user.emailVerifiedAt ?? now });
    await revokeTokens(tx, t.userId, ["password_reset", "magic_link"]);
    await linkContact(tx, t.userId, user.email);
    return { email: user.email };
  });
}
