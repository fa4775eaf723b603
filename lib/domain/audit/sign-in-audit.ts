import type { Prisma } from "@/lib/db/generated/client";
import { recordAudit, type RequestOrigin } from "./record-audit";

/** How someone signed in: the browser's password form, an emailed link, or POST /api/v1/auth/token/. */
export type SignInMethod = "password" | "magic_link" | "api_token_obtain";

const METHOD_WORDS: Record<SignInMethod, string> = {
  password: "with a password",
  magic_link: "with an emailed sign-in link",
  api_token_obtain: "to the API (token obtained with a password)",
};

/** `auth.signed_in`: one row per successful sign-in, whichever way it came. */
export async function recordSignIn(
  tx: Prisma.TransactionClient,
  user: { id: string; email: string },
  method: SignInMethod,
  origin: RequestOrigin | null,
): Promise<void> {
  await recordAudit(tx, {
    actor: user,
    action: "auth.signed_in",
    targetType: "user",
    targetId: user.id,
    summary: `${user.email} signed in ${METHOD_WORDS[method]}`,
    changes: { method },
    origin,
  });
}

/** Why a password sign-in failed. The log is for admins only, so it may say what the caller was not told. */
export type SignInFailure = "unknown_email" | "wrong_password" | "inactive" | "email_not_verified";

/**
 * `auth.sign_in_failed`: a refused password attempt. Nobody is signed in, so there is no actor;
 * the attempted address is kept in `changes`, and the account (when there is one) is the target,
 * so an admin can see the failures against one user.
 */
export async function recordFailedSignIn(
  tx: Prisma.TransactionClient,
  attempt: { email: string; userId: string | null; reason: SignInFailure; method: SignInMethod },
  origin: RequestOrigin | null,
): Promise<void> {
  await recordAudit(tx, {
    actor: null,
    action: "auth.sign_in_failed",
    ...(attempt.userId ? { targetType: "user", targetId: attempt.userId } : {}),
    summary: `Failed sign-in for ${attempt.email.slice(0, 254)}`,
    changes: { email: attempt.email.slice(0, 254), method: attempt.method, reason: attempt.reason },
    origin,
  });
}
