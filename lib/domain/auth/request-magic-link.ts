import { db } from "@/lib/db/client";
import { withTransaction } from "@/lib/db/transaction";
import { issueToken, recentTokenCount } from "./one-time-tokens";
import { ACCOUNT_MAILS_PER_HOUR, normalizeEmail, queueAccountMail } from "./account-helpers";

/**
 * Emails a single-use sign-in link (15 minutes) to an active account with this address,
 * password or not. Unknown and deactivated addresses get nothing, indistinguishably.
 */
export async function requestMagicLink(rawEmail: string): Promise<void> {
  const email = normalizeEmail(rawEmail);
  const prisma = await db();
  await withTransaction(prisma, async (tx) => {
    const user = await tx.user.findUnique({ where: { email }, select: { id: true, name: true, isActive: true } });
    if (!user || !user.isActive) return;
    if ((await recentTokenCount(tx, user.id, "magic_link")) >= ACCOUNT_MAILS_PER_HOUR) return;
    const { secret } = await issueToken(tx, { userId: user.id, email, purpose: "magic_link" });
    await queueAccountMail(tx, { mail: "magic_link", userId: user.id, email, name: user.name, secret });
  });
}
