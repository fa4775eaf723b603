import { db } from "@/lib/db/client";
import { withTransaction } from "@/lib/db/transaction";
import { actorSelect, type Actor } from "../actor";
import type { RequestOrigin } from "../audit/record-audit";
import { recordSignIn } from "../audit/sign-in-audit";
import { consumeToken } from "./one-time-tokens";
import { invalidLink, linkContact } from "./account-helpers";

/**
 * Spends a magic sign-in link and returns who it signs in. The link proves the address, so an
 * unverified account becomes verified, and its pending password is dropped: it was chosen by
 * whoever signed up, who need not be the owner of the mailbox (they can set one by reset).
 */
export async function signInWithMagicLink(secret: string, origin: RequestOrigin | null = null): Promise<Actor> {
  const prisma = await db();
  return withTransaction(prisma, async (tx) => {
    const t = await consumeToken(tx, "magic_link", secret);
    const user = t ? await tx.user.findUnique({ where: { id: t.userId }, select: { ...actorSelect, emailVerifiedAt: true } }) : null;
    if (!t || !user || !user.isActive || user.email !== t.email) throw invalidLink();
    if (!user.emailVerifiedAt) await tx.user.update({ where: { id: t.userId }, data: { emailVerifiedAt: new Date(), passwordHash: null } });
    await linkContact(tx, t.userId, user.email);
    await recordSignIn(tx, user, "magic_link", origin);
    const { isActive: _a, emailVerifiedAt: _v, ...actor } = user;
    return actor;
  });
}
