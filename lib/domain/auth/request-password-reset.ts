import { db } from "@/lib/db/client";
import { withTransaction } from "@/lib/db/transaction";
import { issueToken, recentTokenCount } from "./one-time-tokens";
import { ACCOUNT_MAILS_PER_HOUR, normalizeEmail, queueAccountMail } from "./account-helpers";

/**
 * Emails a password-reset link (1 hour) to an active account with this address. Unknown and
 * deactivated addresses get nothing, and the caller cannot tell the difference.
 */
export async function requestPasswordReset(rawEmail: string): Promise<void> {
  const email = normalizeEmail(rawEmail);
  const prisma = await db();
  await withTransaction(prisma, async (tx) => {
    const user = await tx.user.findUnique({ where: { email }, select: { id: true, name: true, isActive: true } });
    if (!user || !user.isActive) return;
    if ((await recentTokenCount(tx, user.id, "password_reset")) >= ACCOUNT_MAILS_PER_HOUR) return;
    const { secret } = await issueToken(tx, { userId: user.id, email, purpose: "password_reset" });
    await queueAccountMail(tx, { mail: "password_reset", userId: user.id, email, name: user.name, secret });
  });
}
