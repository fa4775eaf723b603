import { randomUUID } from "node:crypto";
import { db } from "@/lib/db/client";

/*
 * Storage of Idempotency-Key rows (table idempotency_keys): one row per (user, key). A request
 * claims its key before it runs and stores its response afterwards; retries find the row and
 * replay that response. Rows live IDEMPOTENCY_KEY_TTL_HOURS; expired rows are ignored at once
 * and deleted by a periodic sweep.
 */

// A claim is a lease: if its holder dies before storing a response, a retry with the same
// request may take the key over after this long. It is far longer than any request may run
// (transactions time out after DB_TX_TIMEOUT_MS), so a live holder never loses its key.
const LEASE_MS = 5 * 60_000;
const SWEEP_INTERVAL_MS = 15 * 60_000;
const SWEEP_BATCH = 1000;

export function idempotencyTtlMs(env: NodeJS.ProcessEnv = process.env): number {
  const hours = Number(env.IDEMPOTENCY_KEY_TTL_HOURS);
  return (Number.isFinite(hours) && hours > 0 ? hours : 24) * 3600_000;
}

export interface StoredResponse {
  status: number;
  headers: Record<string, string>;
  body: Uint8Array;
}

export type KeyRow =
  | { state: "in_progress"; fingerprint: string }
  | { state: "completed"; fingerprint: string; response: StoredResponse };

/**
 * Claims (userId, key) for a request with this fingerprint, in one statement of its own, so
 * of any number of concurrent requests exactly one wins. An expired row, or an abandoned
 * claim (lease over) of the same request, is taken over; a live row is left alone
 * (ON CONFLICT ... DO UPDATE ... WHERE acts as DO NOTHING then). Returns the claim id, or
 * null when someone else holds the key.
 */
export async function claimKey(userId: string, key: string, fingerprint: string, now = new Date()): Promise<string | null> {
  const prisma = await db();
  const id = randomUUID();
  const leaseUntil = new Date(now.getTime() + LEASE_MS);
  const expiresAt = new Date(now.getTime() + idempotencyTtlMs());
  const rows = await prisma.$queryRaw<{ id: string }[]>`
    INSERT INTO idempotency_keys AS k (id, user_id, key, fingerprint, state, locked_until, created_at, expires_at)
    VALUES (${id}::uuid, ${userId}::uuid, ${key}, ${fingerprint}, 'in_progress', ${leaseUntil}, ${now}, ${expiresAt})
    ON CONFLICT (user_id, key) DO UPDATE SET
      id = EXCLUDED.id, fingerprint = EXCLUDED.fingerprint, state = 'in_progress',
      locked_until = EXCLUDED.locked_until, created_at = EXCLUDED.created_at, expires_at = EXCLUDED.expires_at,
      response_status = NULL, response_headers = NULL, response_body = NULL
    WHERE k.expires_at <= ${now}
       OR (k.state = 'in_progress' AND k.locked_until <= ${now} AND k.fingerprint = EXCLUDED.fingerprint)
    RETURNING k.id::text AS id`;
  return rows[0]?.id ?? null;
}

/** The live (unexpired) row of (userId, key), if any. */
export async function findKey(userId: string, key: string, now = new Date()): Promise<KeyRow | null> {
  const prisma = await db();
  const row = await prisma.idempotencyKey.findFirst({
    where: { userId, key, expiresAt: { gt: now } },
    select: { state: true, fingerprint: true, responseStatus: true, responseHeaders: true, responseBody: true },
  });
  if (!row) return null;
  if (row.state === "completed" && row.responseStatus != null) {
    return {
      state: "completed",
      fingerprint: row.fingerprint,
      response: {
        status: row.responseStatus,
        headers: (row.responseHeaders ?? {}) as Record<string, string>,
        body: row.responseBody ?? new Uint8Array(0),
      },
    };
  }
  return { state: "in_progress", fingerprint: row.fingerprint };
}

/** Stores the response of the claim `id` (a claim taken over by someone else is not touched). */
export async function completeKey(id: string, res: StoredResponse): Promise<void> {
  const prisma = await db();
  // One statement (Prisma's updateMany would wrap it in a transaction of its own).
  await prisma.$executeRaw`
    UPDATE idempotency_keys SET state = 'completed', response_status = ${res.status},
      response_headers = ${JSON.stringify(res.headers)}::jsonb, response_body = ${Buffer.from(res.body)},
      locked_until = now()
    WHERE id = ${id}::uuid AND state = 'in_progress'`;
}

/** Gives the key up (the request failed in a way a retry may fix), so the next attempt runs. */
export async function releaseKey(id: string): Promise<void> {
  const prisma = await db();
  await prisma.idempotencyKey.deleteMany({ where: { id, state: "in_progress" } });
}

/**
 * Deletes expired rows in batches. SKIP LOCKED lets every app instance sweep at once without
 * waiting on each other.
 */
export async function sweepIdempotencyKeys(now = new Date()): Promise<number> {
  const prisma = await db();
  let total = 0;
  for (;;) {
    const n = await prisma.$executeRaw`
      DELETE FROM idempotency_keys WHERE id IN (
        SELECT id FROM idempotency_keys WHERE expires_at <= ${now} LIMIT ${SWEEP_BATCH} FOR UPDATE SKIP LOCKED)`;
    total += n;
    if (n < SWEEP_BATCH) return total;
  }
}

const g = globalThis as unknown as { __caseflowIdempotencySweep?: NodeJS.Timeout };

/** The in-process sweep of a running app instance. */
export function startIdempotencySweeper(): void {
  if (g.__caseflowIdempotencySweep) return; // Next dev re-runs instrumentation on reload
  const tick = () =>
    sweepIdempotencyKeys().catch((e) => console.error("[idempotency] sweep failed; retrying next time", e));
  g.__caseflowIdempotencySweep = setInterval(tick, SWEEP_INTERVAL_MS);
  g.__caseflowIdempotencySweep.unref?.();
}

export function stopIdempotencySweeper(): void {
  if (g.__caseflowIdempotencySweep) clearInterval(g.__caseflowIdempotencySweep);
  g.__caseflowIdempotencySweep = undefined;
}
