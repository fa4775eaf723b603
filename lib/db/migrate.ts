import pg from "pg";
import { dbHandle } from "./client";
import { createSchemaEngine, migrationsList, NO_FILTERS, readSchema } from "./schema-engine";

// Arbitrary constant of our own (not Prisma's lock id), so the engine's own locking, if any,
// never waits on ours.
const MIGRATION_LOCK_KEY = 73_617_301;

/**
 * Applies pending migrations from prisma/migrations and records them in _prisma_migrations.
 * Safe to run twice (applied migrations are skipped) and safe with several app instances
 * starting at once on one PostgreSQL (a session advisory lock serialises them).
 */
export async function migrate(opts: { root?: string; log?: (m: string) => void } = {}) {
  const root = opts.root ?? process.cwd();
  const handle = await dbHandle();
  let lockClient: pg.Client | undefined;
  if (handle.config.kind === "postgres") {
    lockClient = new pg.Client({ connectionString: handle.config.url });
    await lockClient.connect();
    await lockClient.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
  }
  try {
    const engine = await createSchemaEngine(handle.adapter, readSchema(root));
    try {
      const out = await engine.applyMigrations({
        migrationsList: migrationsList(root),
        filters: NO_FILTERS,
      });
      for (const name of out.appliedMigrationNames) opts.log?.(`applied migration ${name}`);
      return out.appliedMigrationNames;
    } finally {
      engine.free();
    }
  } finally {
    if (lockClient) {
      await lockClient.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]).catch(() => {});
      await lockClient.end();
    }
  }
}
