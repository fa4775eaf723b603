import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import type { PGlite } from "@electric-sql/pglite";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaClient } from "./generated/client";
import { dbConfig, type DbConfig } from "./config";
import { rowTypes } from "./timestamptz";
import { openPGlite, pgliteAdapterFactory } from "./pglite";


export type Db = PrismaClient;

interface DbHandle {
  config: DbConfig;
  prisma: PrismaClient;
  adapter: SqlMigrationAwareDriverAdapterFactory;
  pglite?: PGlite;
  /**
   * Runs one read-only statement outside any transaction and returns its rows, parsed as
   * Prisma's raw queries parse them (timestamptz → Date, arrays → arrays, enums → strings). On
   * PostgreSQL it goes to the pool Prisma's adapter also uses, without Prisma in between; on
   * PGlite through Prisma (its adapter queues the statement behind a running transaction).
   */
  rows<T>(text: string, values: readonly unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

// Waiting for a pooled connection under a burst of writes is normal; give it time before
// failing. PGlite runs transactions one at a time, so they queue there as well.
const TX_OPTIONS = {
  maxWait: Number(process.env.DB_TX_MAX_WAIT_MS || 10_000),
  timeout: Number(process.env.DB_TX_TIMEOUT_MS || 20_000),
};

/**
 * Columns no caller reads: tickets.search_grams is PostgreSQL's own index material (a generated
 * column), so a ticket read without a `select` must not carry it. The client keeps the plain
 * `PrismaClient` type (an omit-typed client is a different type for every transaction helper);
 * nothing reads `searchGrams`, and tests/search-short-terms.test.ts checks that reads lack it.
 */
const OMIT = { ticket: { searchGrams: true } } as const;
const client = (adapter: SqlMigrationAwareDriverAdapterFactory) =>
  new PrismaClient({ adapter, transactionOptions: TX_OPTIONS, omit: OMIT }) as unknown as PrismaClient;

// One client per process: Next dev reloads modules, so the handle lives on globalThis.
const g = globalThis as unknown as { __caseflowDb?: Promise<DbHandle> };

async function open(config: DbConfig): Promise<DbHandle> {
  if (config.kind === "postgres") {
    const max = Number(process.env.DATABASE_POOL_SIZE || 10);
    // Hot reads (the actor of every request, ticket lists: see rows above) skip Prisma's query
    // compilation and result mapping, about a millisecond of CPU per list request, on the same
    // connections: one pool, so DATABASE_POOL_SIZE stays the process's whole share.
    const pool = new pg.Pool({ connectionString: config.url, max });
    // A connection dropped while idle (a PostgreSQL restart) must not crash the process: the
    // pool replaces it on the next checkout.
    pool.on("error", (e) => console.warn(`[db] idle connection error: ${e.message}`));
    const adapter = new PrismaPg(pool as unknown as ConstructorParameters<typeof PrismaPg>[0]);
    const prisma = client(adapter);
    return {
      config,
      prisma,
      adapter,
      rows: async <T>(text: string, values: readonly unknown[]) => (await pool.query({ text, values: values as unknown[], types: rowTypes })).rows as T[],
      close: async () => {
        await prisma.$disconnect();
        await pool.end();
      },
    };
  }
  const pglite = await openPGlite(config.dataDir);
  const adapter = pgliteAdapterFactory(pglite);
  const prisma = client(adapter);
  return {
    config,
    prisma,
    adapter,
    pglite,
    rows: <T>(text: string, values: readonly unknown[]) => prisma.$queryRawUnsafe<T[]>(text, ...values),
    close: async () => {
      await prisma.$disconnect();
      await pglite.close();
    },
  };
}

export function dbHandle(): Promise<DbHandle> {
  if (!g.__caseflowDb) {
    g.__caseflowDb = open(dbConfig()).catch((e) => {
      g.__caseflowDb = undefined;
      throw e;
    });
  }
  return g.__caseflowDb;
}

export async function db(): Promise<PrismaClient> {
  return (await dbHandle()).prisma;
}

export async function closeDb(): Promise<void> {
  const h = g.__caseflowDb;
  g.__caseflowDb = undefined;
  if (h) await (await h).close();
}
