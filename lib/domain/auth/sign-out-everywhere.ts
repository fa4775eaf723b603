import { db } from "@/lib/db/client";
import { withTransaction } from "@/lib/db/transaction";
import type { Actor } from "../actor";
import type { Credential } from "../api-tokens/credential";
import { assertInteractive } from "./change-password";
import { endSessions } from "./end-sessions";
import { revokeTokens } from "./one-time-tokens";

/**
 * Ends every session, access and refresh token and personal API token of the user, on every
 * device, and spends open sign-in links. The caller re-issues its own credential from the
 * returned instant to stay signed in here.
 */
export async function signOutEverywhere(actor: Actor, via: Credential): Promise<{ sessionsValidAfter: Date }> {
  assertInteractive(via);
  const prisma = await db();
  return withTransaction(prisma, async (tx) => {
    const at = new Date();
    await endSessions(tx, actor.id, at);
    await revokeTokens(tx, actor.id, ["magic_link"]);
    return { sessionsValidAfter: at };
  });
}
