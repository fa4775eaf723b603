/**
 * npm run db:seed [-- --if-empty]: fills the database with the demo help desk.
 * `npm run dev` calls it with --if-empty (after migrations), so a fresh embedded database
 * starts with data and an existing one is left alone. Without the flag it refuses a database
 * that has users: demo data must never mix with real data.
 */
import "../lib/boot";
import { closeDb } from "../lib/db/client";
import { dbConfig } from "../lib/db/config";
import { DataDirBusyError } from "../lib/db/pglite";
import { DemoSeedRefusedError, seedDemo } from "../lib/demo/seed-demo";

async function main() {
  const ifEmpty = process.argv.includes("--if-empty");
  const cfg = dbConfig();
  const where = cfg.kind === "postgres" ? "PostgreSQL (DATABASE_URL)" : `embedded PGlite in ${cfg.dataDir}`;
  const started = Date.now();
  const result = await seedDemo({ ifEmpty, log: (m) => console.log(`demo seed: ${m}`) });
  await closeDb();
  if (!result) {
    console.log(`demo seed: skipping, the database already has users (${where}).`);
    return;
  }
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  const width = Math.max(...result.signIns.map((s) => s.email.length));
  console.log(
    [
      "",
      `Demo data ready in ${where}: ${result.tickets} tickets, ${result.messages} messages (${secs}s).`,
      "Sign in with any of these (password for all: " + result.signIns[0].password + "):",
      ...result.signIns.map((s) => `  ${s.email.padEnd(width)}  ${s.role}`),
      "",
    ].join("\n"),
  );
}

main().catch(async (e) => {
  await closeDb().catch(() => {});
  if (e instanceof DemoSeedRefusedError) {
    console.error(`${e.message}\nUse an empty database (e.g. a new DATA_DIR), or create users with npm run user:create.`);
  } else {
    console.error(e instanceof DataDirBusyError ? e.message : e);
  }
  process.exit(1);
});
