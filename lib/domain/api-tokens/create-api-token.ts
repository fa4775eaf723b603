import { db } from "@/lib/db/client";
import { withTransaction } from "@/lib/db/transaction";
import type { Actor } from "../actor";
import { recordAudit, type RequestOrigin } from "../audit/record-audit";
import { PermissionDeniedError, ValidationError } from "../errors";
import { assertCan } from "../policy";
import { apiTokenSelect, type ApiTokenRow } from "./api-token-select";
import { newApiTokenSecret } from "./secret";
import type { Credential } from "./credential";

export interface CreateApiTokenInput {
  name: string;
  expiresAt?: Date | null;
}

/** At most this many live tokens per user: a runaway script cannot fill the table. */
export const MAX_TOKENS_PER_USER = 50;

/**
 * Creates a personal API token for the actor. Only an interactive sign-in (browser session or
 * the password-issued JWT) may create one, never another personal token: as on GitHub and
 * Zendesk, a leaked token must not be able to mint its own successors that outlive its
 * revocation. Returns the row and the secret, which exists nowhere else after this call.
 */
export async function createApiToken(
  actor: Actor,
  input: CreateApiTokenInput,
  via: Credential,
  origin: RequestOrigin | null = null,
): Promise<{ token: ApiTokenRow; secret: string }> {
  assertCan(actor, "api-token:manage-own");
  if (via === "api_token") throw new PermissionDeniedError("Personal API tokens cannot create tokens: sign in with your password.");
  const name = input.name.trim();
  if (!name) throw ValidationError.field("name", "This field may not be blank.");
  if (input.expiresAt && input.expiresAt.getTime() <= Date.now()) throw ValidationError.field("expiresAt", "The expiry must be in the future.");
  const { secret, prefix, tokenHash } = newApiTokenSecret();
  const prisma = await db();
  const token = await withTransaction(prisma, async (tx) => {
    const live = await tx.apiToken.count({ where: { userId: actor.id, revokedAt: null } });
    if (live >= MAX_TOKENS_PER_USER) throw ValidationError.field("non_field_errors", `You have ${MAX_TOKENS_PER_USER} tokens already: revoke one first.`);
    const row = await tx.apiToken.create({ data: { userId: actor.id, name, prefix, tokenHash, expiresAt: input.expiresAt ?? null }, select: apiTokenSelect });
    await recordAudit(tx, {
      actor,
      action: "api_token.created",
      targetType: "api_token",
      targetId: row.id,
      summary: `Created API token "${name}" (${prefix}…)`,
      changes: { name, prefix, expires_at: row.expiresAt?.toISOString() ?? null },
      origin,
    });
    return row;
  });
  return { token, secret };
}
