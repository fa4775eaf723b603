import { afterAll, beforeAll } from "vitest";
import { closeDb, db } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";

/** Migrates the test database once per file and empties it, then closes it at the end. */
export function useTestDb() {
  beforeAll(async () => {
    await migrate();
    await resetDb();
  });
  afterAll(async () => {
    await closeDb();
  });
}

/** Empties every table but the migration history (on PostgreSQL, files share one database). */
export async function resetDb() {
  const prisma = await db();
  const tables = await prisma.$queryRaw<{ tablename: string }[]>`
    SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations'`;
  if (tables.length) {
    await prisma.$executeRawUnsafe(`TRUNCATE ${tables.map((t) => `"${t.tablename}"`).join(", ")} CASCADE`);
  }
}
