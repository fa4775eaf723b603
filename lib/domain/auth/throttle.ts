import type { Prisma } from "@/lib/db/generated/client";
import { ThrottledError } from "../errors";

/**
 * Throttling of failed sign-ins, per email and per client address, kept in the database so
 * every app instance enforces the same limit. After LOGIN_MAX_FAILURES failures within the
 * window the key is locked for LOGIN_LOCK_SECONDS; a successful sign-in clears the email key.
 */
function limits() {
  const n = (v: string | undefined, d: number) => (Number(v) > 0 ? Number(v) : d);
  return {
    maxFailures: n(process.env.LOGIN_MAX_FAILURES, 5),
    windowSeconds: n(process.env.LOGIN_WINDOW_SECONDS, 900),
    lockSeconds: n(process.env.LOGIN_LOCK_SECONDS, 300),
  };
}

type Tx = Pick<Prisma.TransactionClient, "$queryRaw" | "$executeRaw" | "authThrottle">;

export async function assertNotThrottled(db: Tx, keys: string[], now = new Date()) {
  const rows = await db.authThrottle.findMany({
    where: { key: { in: keys }, lockedUntil: { gt: now } },
    select: { lockedUntil: true },
  });
  if (rows.length) {
    const until = Math.max(...rows.map((r) => r.lockedUntil!.getTime()));
    throw new ThrottledError(Math.max(1, Math.ceil((until - now.getTime()) / 1000)));
  }
}

/** Counts one failure for each key atomically (one upsert per key, no read-modify-write). */
export async function recordFailure(db: Tx, keys: string[], now = new Date()) {
  const { maxFailures, windowSeconds, lockSeconds } = limits();
  const windowStart = new Date(now.getTime() - windowSeconds * 1000);
  const lockUntil = new Date(now.getTime() + lockSeconds * 1000);
  for (const key of keys) {
    await db.$executeRaw`
      INSERT INTO auth_throttles (key, failures, window_start, locked_until)
      VALUES (${key}, 1, ${now}, NULL)
      ON CONFLICT (key) DO UPDATE SET
        failures = CASE WHEN auth_throttles.window_start < ${windowStart} THEN 1 ELSE auth_throttles.failures + 1 END,
        window_start = CASE WHEN auth_throttles.window_start < ${windowStart} THEN ${now} ELSE auth_throttles.window_start END,
        locked_until = CASE
          WHEN auth_throttles.window_start >= ${windowStart} AND auth_throttles.failures + 1 >= ${maxFailures}
          THEN ${lockUntil} ELSE auth_throttles.locked_until END`;
  }
}

export async function clearFailures(db: Tx, key: string) {
  await db.authThrottle.deleteMany({ where: { key } });
}
