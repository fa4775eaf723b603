import { db } from "@/lib/db/client";
import { withTransaction } from "@/lib/db/transaction";
import type { Actor } from "../actor";
import type { Credential } from "../api-tokens/credential";
import { PermissionDeniedError } from "../errors";
import { endSessions } from "./end-sessions";
import { hashPassword } from "./password";
import { assertStrongPassword } from "./password-strength";
import { revokeTokens } from "./one-time-tokens";
import { verifyCurrentPassword } from "./verify-current-password";

/** Account changes that only a password sign-in may make: a leaked API token must not. */
export function assertInteractive(via: Credential): void {
  if (via === "api_token") throw new PermissionDeniedError("Personal API tokens cannot change the account: sign in with your password.");
}

/**
 * Changes the signed-in user's password: the current one is checked (throttled), the new one
 * for strength. Every other session and token issued before now stops working, reset and
 * sign-in links are spent. Returns the instant sessions were ended: the caller re-issues its
 * own credential from it, so the session that made the change carries on.
 */
export async function changePassword(actor: Actor, input: { currentPassword: string; password: string }, via: Credential): Promise<{ sessionsValidAfter: Date }> {
  assertInteractive(via);
  await verifyCurrentPassword(actor.id, input.currentPassword, "currentPassword");
  assertStrongPassword(input.password, [actor.name, actor.email]);
  const passwordHash = await hashPassword(input.password);
  const prisma = await db();
  return withTransaction(prisma, async (tx) => {
    const at = new Date();
    await endSessions(tx, actor.id, at, { passwordHash });
    await revokeTokens(tx, actor.id, ["password_reset", "magic_link"]);
    return { sessionsValidAfter: at };
  });
}
