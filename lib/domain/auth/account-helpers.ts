import type { Prisma } from "@/lib/db/generated/client";
import { emit, type AccountMailKind } from "../events/domain-events";
import { ValidationError } from "../errors";

type Tx = Prisma.TransactionClient;

/** At most this many emails of one kind to one account per hour, whatever is asked. */
export const ACCOUNT_MAILS_PER_HOUR = 5;

export const normalizeEmail = (email: string) => email.trim().toLowerCase();

/** The one answer for a link that cannot be used, whatever the reason (reveals nothing). */
export function invalidLink(): ValidationError {
  return ValidationError.field("token", "This link is invalid or has expired. Ask for a new one.");
}

export function queueAccountMail(tx: Tx, m: { mail: AccountMailKind; userId: string | null; email: string; name: string; secret: string | null; invitedBy?: string }) {
  return emit(tx, { type: "account.mail", ...m, at: new Date() });
}

/**
 * A CRM contact with the user's address and no account of its own becomes theirs, so the
 * tickets it wrote (by email, or opened for it by an agent) show up in their portal at once.
 */
export async function linkContact(tx: Tx, userId: string, email: string) {
  await tx.contact.updateMany({ where: { email: { equals: email, mode: "insensitive" }, userId: null }, data: { userId } });
}
