import { db } from "@/lib/db/client";
import { hashToken } from "../auth/one-time-tokens";
import { API_TOKEN_PATTERN } from "./secret";

/** How often last_used_at moves: once a minute per token is plenty and keeps writes rare. */
export const LAST_USED_RESOLUTION_SECONDS = 60;

/**
 * The owner of a live personal API token and the token's creation time (epoch ms, compared to
 * the owner's sessions_valid_after like a session's sign-in time), or null for an unknown,
 * revoked or expired one. The token is found by the SHA-256 of what the client sent: the index
 * compares digests of attacker-chosen input, so there is no secret comparison to time.
 *
 * One statement both reads the token and, at most once a minute, stamps last_used_at: the
 * UPDATE's own WHERE decides, so concurrent requests never read-modify-write.
 */
export async function authenticateApiToken(secret: string): Promise<{ userId: string; issuedAt: number; tokenId: string } | null> {
  if (!API_TOKEN_PATTERN.test(secret)) return null;
  const prisma = await db();
  const rows = await prisma.$queryRaw<{ id: string; user_id: string; created_at: Date }[]>`
    WITH live AS (
      SELECT id, user_id, created_at FROM api_tokens
      WHERE token_hash = ${hashToken(secret)} AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > now())
    ), touched AS (
      UPDATE api_tokens SET last_used_at = now()
      WHERE id IN (SELECT id FROM live)
        AND (last_used_at IS NULL OR last_used_at < now() - ${LAST_USED_RESOLUTION_SECONDS} * interval '1 second')
      RETURNING id
    )
    SELECT id::text AS id, user_id::text AS user_id, created_at FROM live`;
  const r = rows[0];
  return r ? { userId: r.user_id, issuedAt: new Date(r.created_at).getTime(), tokenId: r.id } : null;
}
