#!/usr/bin/env node
// Playwright's webServer command: fresh database, production build, seed data, then `next start`.
// The seed data is written before the server starts because PGlite allows one process per data
// directory. E2E_SKIP_BUILD=1 reuses the last build while iterating on specs.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const dataDir = path.resolve(root, process.env.DATA_DIR || "artifacts/e2e-data");
const bin = (n) => path.join(root, "node_modules", ".bin", n);

function run(file, args) {
  const r = spawnSync(file, args, { stdio: "inherit", cwd: root, env: process.env });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

// E2E_DEV=1 serves with `next dev` instead (no build; slower first page loads).
const dev = process.env.E2E_DEV === "1";
fs.rmSync(dataDir, { recursive: true, force: true });
if (!dev && (process.env.E2E_SKIP_BUILD !== "1" || !fs.existsSync(path.join(root, ".next", "BUILD_ID")))) {
  run(process.execPath, ["scripts/run.mjs", "build"]);
}
run(bin("tsx"), ["e2e/seed-data.ts"]);
const child = dev
  ? spawn(bin("next"), ["dev", "-p", process.env.PORT || "3100"], { stdio: "inherit", cwd: root, env: process.env })
  : spawn(process.execPath, ["scripts/run.mjs", "start"], { stdio: "inherit", cwd: root, env: process.env });
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => child.kill(sig));
child.on("exit", (code) => process.exit(code ?? 0));
