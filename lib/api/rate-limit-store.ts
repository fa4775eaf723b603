import {
  RateLimiterMemory,
  RateLimiterPostgres,
  RateLimiterRedis,
  type RateLimiterAbstract,
} from "rate-limiter-flexible";
import { db } from "@/lib/db/client";

/**
 * Where rate-limit counters live (RATE_LIMIT_STORE):
 * - memory: in this process. Right for one instance; with several, each counts on its own.
 * - postgres: the app's own database (the `rate_limits` table), so every instance behind a
 *   load balancer shares one count. Works on PGlite too.
 * - redis: REDIS_URL, shared like postgres and cheaper per request.
 * A shared store that fails falls back to an in-memory count, so an outage of the store
 * neither lets all traffic through unlimited nor turns every request into a 500.
 */
export type RateLimitStoreKind = "memory" | "postgres" | "redis" | "off";

export interface LimiterSpec {
  name: string;
  points: number;
  durationSeconds: number;
}

export interface StoreOptions {
  kind: Exclude<RateLimitStoreKind, "off">;
  redisUrl?: string;
}

type Row = Record<string, unknown>;

/**
 * RateLimiterPostgres speaks to a `pg` client (`query({text, values})` -> `{rows, rowCount}`).
 * This adapter runs those statements through the app's Prisma client instead of a second
 * connection pool, so the counters use the same database and driver (PGlite or PostgreSQL)
 * as everything else. Its upsert is one INSERT ... ON CONFLICT DO UPDATE, atomic per key.
 */
const prismaAsPgClient = {
  async query(q: { text: string; values?: unknown[] }): Promise<{ rows: Row[]; rowCount: number }> {
    const prisma = await db();
    const rows = await prisma.$queryRawUnsafe<Row[]>(q.text, ...(q.values ?? []));
    // bigint columns come back as BigInt; the library does arithmetic with numbers.
    const out = rows.map((r) =>
      Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === "bigint" ? Number(v) : v])),
    );
    return { rows: out, rowCount: out.length };
  },
};

let redisClient: Promise<unknown> | undefined;

async function connectRedis(url: string) {
  const { Redis } = await import("ioredis");
  const client = new Redis(url, {
    // Fail fast to the in-memory insurance limiter instead of queueing requests while Redis
    // is unreachable.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2000,
  });
  let reported = false;
  client.on("error", (e: Error) => {
    if (!reported) console.error(`[rate-limit] Redis unavailable, counting in memory meanwhile: ${e.message}`);
    reported = true;
  });
  client.on("ready", () => (reported = false));
  // Without the offline queue, commands sent before the connection is up would all go to the
  // insurance limiter; wait (briefly) for it once.
  await new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, 2000);
    client.once("ready", () => {
      clearTimeout(timer);
      resolve();
    });
  });
  return client;
}

function redis(url: string): Promise<unknown> {
  redisClient ??= connectRedis(url);
  return redisClient;
}

/** Closes the shared Redis connection (tests, shutdown). */
export async function closeRateLimitRedis(): Promise<void> {
  const c = redisClient;
  redisClient = undefined;
  if (c) await ((await c) as { quit(): Promise<unknown> }).quit().catch(() => undefined);
}

export async function createLimiter(spec: LimiterSpec, store: StoreOptions): Promise<RateLimiterAbstract> {
  const base = { keyPrefix: `cf:${spec.name}`, points: spec.points, duration: spec.durationSeconds };
  if (store.kind === "memory") return new RateLimiterMemory(base);
  const insuranceLimiter = new RateLimiterMemory(base);
  if (store.kind === "redis") {
    if (!store.redisUrl) throw new Error("RATE_LIMIT_STORE=redis needs REDIS_URL.");
    return new RateLimiterRedis({ ...base, storeClient: await redis(store.redisUrl), insuranceLimiter });
  }
  return new RateLimiterPostgres({
    ...base,
    storeClient: prismaAsPgClient,
    storeType: "client",
    tableName: "rate_limits",
    // The table comes from the migrations; the library must not create it at run time.
    tableCreated: true,
    insuranceLimiter,
  });
}
