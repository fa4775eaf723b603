import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { migrate } from "@/lib/db/migrate";
import { migrationsList } from "@/lib/db/schema-engine";
import { db } from "@/lib/db/client";
import { useTestDb } from "./support/db";

useTestDb();
const run = promisify(execFile);
const TSX = path.resolve("node_modules/.bin/tsx");
const cleanEnv = (extra: Record<string, string>): NodeJS.ProcessEnv => {
  const env: Record<string, string | undefined> = { ...process.env, ...extra };
  if (!extra.DATABASE_URL) delete env.DATABASE_URL;
  return env as NodeJS.ProcessEnv;
};
const pgUrl = process.env.TEST_DATABASE_URL?.trim();
// These tests start fresh processes that boot an embedded PostgreSQL (WASM) and apply every
// migration: about 12 s of CPU each, far longer on a loaded machine. The suite's 60 s default
// is for in-process tests; a starved subprocess is slow, not wrong.
const SPAWN_TIMEOUT = 300_000;

describe("migrations", () => {
  it("are recorded in _prisma_migrations and running them again is a no-op", async () => {
    expect(await migrate()).toEqual([]);
    const prisma = await db();
    const rows = await prisma.$queryRaw<{ migration_name: string; finished_at: Date | null }[]>`
      SELECT migration_name, finished_at FROM _prisma_migrations ORDER BY migration_name`;
    expect(rows.map((r) => r.migration_name)).toEqual(migrationsList().migrationDirectories.map((d) => d.path));
    expect(rows.every((r) => r.finished_at)).toBe(true);
  });

  if (pgUrl) {
    it("two app instances migrating one fresh PostgreSQL at once apply each migration exactly once", { timeout: SPAWN_TIMEOUT }, async () => {
      const name = `caseflow_migr_${process.pid}_${Date.now()}`;
      const admin = new pg.Client({ connectionString: pgUrl });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`);
      const url = new URL(pgUrl);
      url.pathname = `/${name}`;
      try {
        const env = cleanEnv({ DATABASE_URL: url.toString() });
        const results = await Promise.all([1, 2].map(() => run(TSX, ["scripts/db-migrate.ts"], { env })));
        const applied = results.map((r) => (r.stdout.match(/applied migration/g) ?? []).length);
        expect(applied.reduce((a, b) => a + b, 0)).toBe(migrationsList().migrationDirectories.length);
        const c = new pg.Client({ connectionString: url.toString() });
        await c.connect();
        const { rows } = await c.query("SELECT count(*)::int AS n FROM _prisma_migrations WHERE finished_at IS NOT NULL");
        await c.end();
        expect(rows[0].n).toBe(migrationsList().migrationDirectories.length);
      } finally {
        await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await admin.end();
      }
    });
  } else {
    it("a second process cannot open an embedded data folder that is in use, and says why", { timeout: SPAWN_TIMEOUT }, async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "caseflow-lock-"));
      // A live process (this one's parent: the test runner) "holds" the folder.
      fs.mkdirSync(path.join(dir, "pglite"), { recursive: true });
      fs.writeFileSync(path.join(dir, "pglite", "caseflow.pid"), String(process.ppid));
      const err = await run(TSX, ["scripts/db-migrate.ts"], { env: cleanEnv({ DATA_DIR: dir }) }).catch((e) => e);
      expect(err.code).toBe(1);
      expect(err.stderr).toMatch(/in use by another Caseflow process/);
      // A stale lock (dead pid) is taken over.
      fs.writeFileSync(path.join(dir, "pglite", "caseflow.pid"), "999999");
      const ok = await run(TSX, ["scripts/db-migrate.ts"], { env: cleanEnv({ DATA_DIR: dir }) });
      expect(ok.stdout).toMatch(/Applied \d+ migration/);
      fs.rmSync(dir, { recursive: true, force: true });
    });
  }
});

describe("user:create", () => {
  it("creates, then updates a user; rejects bad input with exit code 2", { timeout: SPAWN_TIMEOUT }, async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "caseflow-user-"));
    const env = pgUrl ? cleanEnv({ DATABASE_URL: pgUrl }) : cleanEnv({ DATA_DIR: dir });
    const email = `cli-${Date.now()}@example.test`;
    const args = ["scripts/user-create.ts", "--email", email, "--password", "long-enough-pw"];
    const first = await run(TSX, [...args, "--role", "admin", "--staff", "--perm", "support.view_ticket"], { env });
    expect(first.stdout).toMatch(new RegExp(`Created admin ${email} \\(staff\\)`));
    const second = await run(TSX, [...args, "--role", "customer_service", "--name", "Renamed"], { env });
    expect(second.stdout).toMatch(new RegExp(`Updated customer_service ${email}`));
    const bad = await run(TSX, [...args, "--role", "wizard"], { env }).catch((e) => e);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/Role must be one of/);
    const short = await run(TSX, ["scripts/user-create.ts", "--email", email, "--password", "x"], { env }).catch((e) => e);
    expect(short.code).toBe(2);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe("secrets", () => {
  it("production refuses to run without AUTH_SECRET", { timeout: SPAWN_TIMEOUT }, async () => {
    const code = `import { authSecret } from "./lib/auth/secret"; try { authSecret(); console.log("started"); } catch (e) { console.log(String(e)); }`;
    const env = cleanEnv({ NODE_ENV: "production", AUTH_SECRET: "", NEXTAUTH_SECRET: "", DATA_DIR: os.tmpdir() });
    const out = await run(TSX, ["-e", code], { env });
    expect(out.stdout).toMatch(/AUTH_SECRET is not set/);
    const dev = await run(TSX, ["-e", code], { env: { ...env, NODE_ENV: "development", DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), "cf-secret-")) } });
    expect(dev.stdout).toMatch(/started/);
  });
});
