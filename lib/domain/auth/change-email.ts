import { db } from "@/lib/db/client";
import { withTransaction } from "@/lib/db/transaction";
import type { Actor } from "../actor";
import type { Credential } from "../api-tokens/credential";
import { ValidationError } from "../errors";
import { ACCOUNT_MAILS_PER_HOUR, invalidLink, linkContact, normalizeEmail, queueAccountMail } from "./account-helpers";
import { assertInteractive } from "./change-password";
import { consumeToken, issueToken, recentTokenCount, revokeTokens } from "./one-time-tokens";
import { verifyCurrentPassword } from "./verify-current-password";

/**
 * Asks to move the account to a new address: the password is checked, then a confirmation link
 * goes to the NEW address (outbox, 24 hours). Nothing changes until it is opened
 * (confirmEmailChange), so a typo or someone else's address never takes over the account.
 * Whether the new address already has an account is not told: the answer is the same, and no
 * link goes out for it.
 */
export async function requestEmailChange(actor: Actor, input: { email: string; password: string }, via: Credential): Promise<{ email: string }> {
  assertInteractive(via);
  const email = normalizeEmail(input.email);
  await verifyCurrentPassword(actor.id, input.password, "password");
  if (email === normalizeEmail(actor.email)) throw ValidationError.field("email", "This is already your email address.");
  const prisma = await db();
  await withTransaction(prisma, async (tx) => {
    const taken = await tx.user.findFirst({ where: { email: { equals: email, mode: "insensitive" } }, select: { id: true } });
    if (taken) return;
    if ((await recentTokenCount(tx, actor.id, "change_email")) >= ACCOUNT_MAILS_PER_HOUR) return;
    await revokeTokens(tx, actor.id, ["change_email"]); // only the newest request can be confirmed
    const { secret } = await issueToken(tx, { userId: actor.id, email, purpose: "change_email" });
    await queueAccountMail(tx, { mail: "change_email", userId: actor.id, email, name: actor.name, secret });
  });
  return { email };
}

/**
 * Opens the link sent to the new address: the account takes it (it counts as verified: the link
 * reached it), its CRM contact follows when no other contact has the address, and a contact
 * that has it and no account becomes this account's if it has none. A link for an address
 * another account took meanwhile is refused like any unusable link.
 */
export async function confirmEmailChange(secret: string): Promise<{ email: string }> {
  const prisma = await db();
  return withTransaction(prisma, async (tx) => {
    const t = await consumeToken(tx, "change_email", secret);
    const user = t ? await tx.user.findUnique({ where: { id: t.userId }, select: { isActive: true, contact: { select: { id: true } } } }) : null;
    if (!t || !user || !user.isActive) throw invalidLink();
    const taken = await tx.user.findFirst({ where: { email: { equals: t.email, mode: "insensitive" }, id: { not: t.userId } }, select: { id: true } });
    if (taken) throw invalidLink();
    await tx.user.update({ where: { id: t.userId }, data: { email: t.email, emailVerifiedAt: new Date() } });
    const other = await tx.contact.findFirst({ where: { email: { equals: t.email, mode: "insensitive" } }, select: { id: true } });
    if (user.contact && !other) await tx.contact.update({ where: { id: user.contact.id }, data: { email: t.email } });
    else if (!user.contact) await linkContact(tx, t.userId, t.email);
    return { email: t.email };
  });
}
