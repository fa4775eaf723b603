import { db } from "@/lib/db/client";
import { withTransaction } from "@/lib/db/transaction";
import { hashPassword } from "./password";
import { assertStrongPassword } from "./password-strength";
import { issueToken, recentTokenCount, revokeTokens } from "./one-time-tokens";
import { ACCOUNT_MAILS_PER_HOUR, normalizeEmail, queueAccountMail } from "./account-helpers";

export interface SignUpInput {
  name: string;
  email: string;
  password: string;
}

/**
 * Self-service sign-up of a customer. The caller learns nothing about whether the address
 * already has an account: every path hashes a password, and the answer is the same.
 * - unknown address: a customer account is created, unverified, and a verification link sent;
 * - an account that never had a password (made from an email or by an agent), or a sign-up
 *   still waiting for verification: it takes this name and password, and a new link is sent
 *   (older links stop working, so only the newest sign-up can be confirmed);
 * - a real account: its owner gets a "you already have an account" email instead;
 * - a deactivated account: nothing happens.
 * The account can sign in only after the link is opened (verifyEmail).
 */
export async function signUp(input: SignUpInput): Promise<void> {
  const email = normalizeEmail(input.email);
  const name = input.name.trim();
  assertStrongPassword(input.password, [name, email]);
  const passwordHash = await hashPassword(input.password);
  const prisma = await db();
  await withTransaction(prisma, async (tx) => {
    const user = await tx.user.findUnique({ where: { email }, select: { id: true, name: true, passwordHash: true, emailVerifiedAt: true, isActive: true } });
    if (user && !user.isActive) return;
    if (user && user.passwordHash && user.emailVerifiedAt) {
      const recent = await tx.notification.count({ where: { toEmail: email, kind: "account_exists", createdAt: { gt: new Date(Date.now() - 3600_000) } } });
      if (recent < ACCOUNT_MAILS_PER_HOUR) await queueAccountMail(tx, { mail: "exists", userId: user.id, email, name: user.name, secret: null });
      return;
    }
    let userId: string;
    if (user) {
      if ((await recentTokenCount(tx, user.id, "verify_email")) >= ACCOUNT_MAILS_PER_HOUR) return;
      await tx.user.update({ where: { id: user.id }, data: { name: name || user.name, passwordHash, emailVerifiedAt: null } });
      await revokeTokens(tx, user.id, ["verify_email"]);
      userId = user.id;
    } else {
      userId = (await tx.user.create({ data: { email, name, passwordHash, role: "customer", emailVerifiedAt: null }, select: { id: true } })).id;
    }
    const { secret } = await issueToken(tx, { userId, email, purpose: "verify_email" });
    await queueAccountMail(tx, { mail: "verify_email", userId, email, name, secret });
  });
}
