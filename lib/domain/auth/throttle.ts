import type { Prisma } from "@/lib/db/generated/client";
import { ThrottledError } from "../errors";

/**
 * Throttling of failed sign-ins, kept in the database so every app instance enforces the same
 * limit. Each key (see authenticate.ts) has its own number of failures allowed within the
 * window; past it the key is locked for LOGIN_LOCK_SECONDS.
 */
export function loginLimits(env: NodeJS.ProcessEnv = process.env) {
  const n = (v: string | undefined, d: number) => (Number(v) > 0 ? Number(v) : d);
  const maxFailures = n(env.LOGIN_MAX_FAILURES, 5);
  return {
    /** per email and client address */
    maxFailures,
    /** per email across all addresses: higher, so that one address cannot lock a user out */
    maxFailuresEmail: n(env.LOGIN_MAX_FAILURES_EMAIL, Math.max(20, maxFailures * 4)),
    /** per client address across all emails: much higher, so that an office is not locked out */
    maxFailuresAddress: n(env.LOGIN_MAX_FAILURES_ADDRESS, Math.max(100, maxFailures * 20)),
    windowSeconds: n(env.LOGIN_WINDOW_SECONDS, 900),
    lockSeconds: n(env.LOGIN_LOCK_SECONDS, 300),
  };
}

export interface ThrottleKey {
  key: string;
  maxFailures: number;
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

/**
 * Counts one failure for each key atomically (one upsert per key, no read-modify-write).
 * A plain string key is allowed LOGIN_MAX_FAILURES.
 */
export async function recordFailure(db: Tx, keys: (string | ThrottleKey)[], now = new Date()) {
  const { maxFailures: defaultMax, windowSeconds, lockSeconds } = loginLimits();
  const windowStart = new Date(now.getTime() - windowSeconds * 1000);
  const lockUntil = new Date(now.getTime() + lockSeconds * 1000);
  for (const k of keys) {
    const { key, maxFailures } = typeof k === "string" ? { key: k, maxFailures: defaultMax } : k;
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
