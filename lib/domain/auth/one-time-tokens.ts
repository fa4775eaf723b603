import { createHash, randomBytes } from "node:crypto";
import type { OneTimeTokenPurpose, Prisma } from "@/lib/db/generated/client";

/**
 * Single-use tokens of emailed links. The secret is 256 random bits (base64url); only its
 * SHA-256 is stored, so a database leak yields no usable link. Looking a token up by the hash of
 * what the client sent needs no secret comparison of our own (the index compares digests of
 * attacker-chosen input, which reveals nothing about stored secrets).
 */
export const TOKEN_TTL_SECONDS: Record<OneTimeTokenPurpose, number> = {
  verify_email: 24 * 3600,
  password_reset: 3600,
  magic_link: 15 * 60,
  change_email: 24 * 3600,
};

export function hashToken(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

/** A link's secret: 256 random bits, base64url (what consumeToken's format check accepts). */
export function newTokenSecret(): string {
  return randomBytes(32).toString("base64url");
}

type Tx = Prisma.TransactionClient;

/** Creates a token for the user's current email; returns the secret (shown only in the link). */
export async function issueToken(tx: Tx, t: { userId: string; email: string; purpose: OneTimeTokenPurpose }): Promise<{ secret: string; expiresAt: Date }> {
  const secret = newTokenSecret();
  const expiresAt = new Date(Date.now() + TOKEN_TTL_SECONDS[t.purpose] * 1000);
  await tx.oneTimeToken.create({ data: { userId: t.userId, email: t.email, purpose: t.purpose, tokenHash: hashToken(secret), expiresAt } });
  return { secret, expiresAt };
}

/** Whether a client-sent secret can be one of ours at all (checked before any lookup). */
export const isTokenShaped = (secret: string) => /^[A-Za-z0-9_-]{20,100}$/.test(secret);

/**
 * Spends a token: one statement that marks it used only if it is unused and unexpired, so of two
 * concurrent uses exactly one gets the row back. Null for anything else (unknown, used,
 * expired, other purpose, malformed).
 */
export async function consumeToken(tx: Tx, purpose: OneTimeTokenPurpose, secret: string): Promise<{ userId: string; email: string } | null> {
  if (!isTokenShaped(secret)) return null;
  const rows = await tx.$queryRaw<{ user_id: string; email: string }[]>`
    UPDATE one_time_tokens SET used_at = now()
    WHERE token_hash = ${hashToken(secret)} AND purpose = ${purpose}::"OneTimeTokenPurpose"
      AND used_at IS NULL AND expires_at > now()
    RETURNING user_id::text AS user_id, email`;
  return rows[0] ? { userId: rows[0].user_id, email: rows[0].email } : null;
}

/** Spends every other open token of these purposes (a reset ends older reset and sign-in links). */
export async function revokeTokens(tx: Tx, userId: string, purposes: OneTimeTokenPurpose[]): Promise<void> {
  await tx.oneTimeToken.updateMany({ where: { userId, purpose: { in: purposes }, usedAt: null }, data: { usedAt: new Date() } });
}

/** How many tokens of a purpose the user got in the last hour (caps mail to one address). */
export async function recentTokenCount(tx: Tx, userId: string, purpose: OneTimeTokenPurpose): Promise<number> {
  return tx.oneTimeToken.count({ where: { userId, purpose, createdAt: { gt: new Date(Date.now() - 3600_000) } } });
}
