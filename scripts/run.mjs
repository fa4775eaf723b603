#!/usr/bin/env node
// Entry point of the npm scripts that must do set-up first:
//   dev      apply migrations, seed demo data into an empty database, then `next dev`
//   build    generate the Prisma client, then `next build`
//   start    apply migrations, then `next start`
//   generate generate the Prisma client (no engine download; see README)
import { spawnSync, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const cmd = process.argv[2];
const root = path.resolve(import.meta.dirname, "..");
const bin = (name) => path.join(root, "node_modules", ".bin", name);
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };

function run(file, args, extraEnv = {}) {
  const r = spawnSync(file, args, { stdio: "inherit", cwd: root, env: { ...env, ...extraEnv } });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

function generate() {
  // `prisma generate` insists on finding the native schema engine and would try to download
  // it; any existing file satisfies the check, and generation itself runs in WASM.
  run(bin("prisma"), ["generate"], { PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY || process.execPath, PRISMA_HIDE_UPDATE_MESSAGE: "1" });
}

function ensureGenerated() {
  if (!fs.existsSync(path.join(root, "lib/db/generated/client.ts"))) generate();
}

function serve(args, extraEnv = {}) {
  const child = spawn(bin("next"), args, { stdio: "inherit", cwd: root, env: { ...env, ...extraEnv } });
  for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => child.kill(sig));
  child.on("exit", (code) => process.exit(code ?? 0));
}

const port = process.env.PORT || "3000";
const publicUrl = process.env.NEXTAUTH_URL || `http://localhost:${port}`;
const defaults = { NEXTAUTH_URL: publicUrl, APP_URL: process.env.APP_URL || publicUrl };

switch (cmd) {
  case "generate":
    generate();
    break;
  case "dev":
    ensureGenerated();
    run(bin("tsx"), ["scripts/db-migrate.ts"]);
    run(bin("tsx"), ["scripts/db-seed.ts", "--if-empty"]);
    serve(["dev", "-p", port], defaults);
    break;
  case "build":
    generate();
    run(bin("next"), ["build"]);
    break;
  case "start":
    ensureGenerated();
    run(bin("tsx"), ["scripts/db-migrate.ts"]);
    serve(["start", "-p", port], defaults);
    break;
  default:
    console.error("usage: node scripts/run.mjs dev|build|start|generate");
    process.exit(2);
}
