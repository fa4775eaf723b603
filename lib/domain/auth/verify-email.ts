import { db } from "@/lib/db/client";
import { withTransaction } from "@/lib/db/transaction";
import { consumeToken } from "./one-time-tokens";
import { invalidLink, linkContact } from "./account-helpers";

/**
 * Opens a verification link: the account may sign in from now on, and a CRM contact with its
 * address becomes its own. The token is spent in the same transaction; a link for an address
 * the account no longer has is refused.
 */
export async function verifyEmail(secret: string): Promise<{ email: string }> {
  const prisma = await db();
  return withTransaction(prisma, async (tx) => {
    const t = await consumeToken(tx, "verify_email", secret);
    const user = t ? await tx.user.findUnique({ where: { id: t.userId }, select: { email: true, isActive: true, emailVerifiedAt: true } }) : null;
    if (!t || !user || !user.isActive || user.email !== t.email) throw invalidLink();
    if (!user.emailVerifiedAt) await tx.user.update({ where: { id: t.userId }, data: { emailVerifiedAt: new Date() } });
    await linkContact(tx, t.userId, user.email);
    return { email: user.email };
  });
}
