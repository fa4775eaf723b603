import { PrismaPg } from "@prisma/adapter-pg";
import type { PGlite } from "@electric-sql/pglite";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaClient } from "./generated/client";
import { dbConfig, type DbConfig } from "./config";
import { openPGlite, pgliteAdapterFactory } from "./pglite";


export type Db = PrismaClient;

interface DbHandle {
  config: DbConfig;
  prisma: PrismaClient;
  adapter: SqlMigrationAwareDriverAdapterFactory;
  pglite?: PGlite;
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
    const adapter = new PrismaPg({ connectionString: config.url, max });
    const prisma = client(adapter);
    return { config, prisma, adapter, close: () => prisma.$disconnect() };
  }
  const pglite = await openPGlite(config.dataDir);
  const adapter = pgliteAdapterFactory(pglite);
  const prisma = client(adapter);
  return {
    config,
    prisma,
    adapter,
    pglite,
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
