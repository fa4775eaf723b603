import { db } from "@/lib/db/client";
import { ValidationError } from "../errors";
import { verifyPassword } from "./password";
import { assertNotThrottled, clearFailures, recordFailure } from "./throttle";

/**
 * Checks the signed-in user's current password before a sensitive change (email, password).
 * Wrong guesses are throttled per user like sign-ins (LOGIN_MAX_FAILURES per window, then
 * 429), so a hijacked session cannot be used to guess the password. A user without a password
 * (made by mail, signing in by links) has none to give: they set one through "forgot password".
 * Runs outside the change's transaction, so a counted failure is not rolled back with it.
 */
export async function verifyCurrentPassword(userId: string, password: string, field: string): Promise<void> {
  const tx = await db();
  const key = `reauth:${userId}`;
  await assertNotThrottled(tx, [key]);
  const user = await tx.user.findUnique({ where: { id: userId }, select: { passwordHash: true } });
  if (!(await verifyPassword(password, user?.passwordHash))) {
    await recordFailure(tx, [key]);
    throw ValidationError.field(field, user?.passwordHash ? "Your password was entered incorrectly." : "Your account has no password yet: use \"Forgot password\" to set one.");
  }
  await clearFailures(tx, key);
}
