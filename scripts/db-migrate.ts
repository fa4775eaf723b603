/** npm run db:migrate: applies pending migrations (idempotent; safe with concurrent instances). */
import { closeDb } from "../lib/db/client";
import { dbConfig } from "../lib/db/config";
import { migrate } from "../lib/db/migrate";

async function main() {
  const cfg = dbConfig();
  const where = cfg.kind === "postgres" ? "PostgreSQL (DATABASE_URL)" : `embedded PGlite in ${cfg.dataDir}`;
  const applied = await migrate({ log: (m) => console.log(m) });
  console.log(applied.length ? `Applied ${applied.length} migration(s) to ${where}.` : `Database is up to date (${where}).`);
  await closeDb();
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
