#!/usr/bin/env node
// npm test: the whole suite, in order.
//   1. unit + integration tests (Vitest) on the embedded database (PGlite, in memory)
//   2. the same suite on PostgreSQL when TEST_DATABASE_URL is set (.ci/run sets it)
//   3. end-to-end tests (Playwright, Chromium) against a production build
// Prints one closing line "tests: N passed, N failed" and exits non-zero on any failure.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const bin = (name) => path.join(root, "node_modules", ".bin", name);
const outDir = path.join(root, "artifacts", "test-results");
fs.mkdirSync(outDir, { recursive: true });
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const totals = { passed: 0, failed: 0 };
const failures = [];

function run(label, file, args, extraEnv = {}) {
  console.log(`\n=== ${label} ===`);
  const r = spawnSync(file, args, { stdio: "inherit", cwd: root, env: { ...env, ...extraEnv } });
  return r.status ?? 1;
}

function vitest(label, extraEnv) {
  const out = path.join(outDir, `vitest-${label.replace(/\W+/g, "-")}.json`);
  fs.rmSync(out, { force: true });
  const code = run(`vitest: ${label}`, bin("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${out}`], extraEnv);
  let passed = 0, failed = 0;
  try {
    const r = JSON.parse(fs.readFileSync(out, "utf8"));
    passed = r.numPassedTests;
    failed = r.numFailedTests + (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
  } catch {
    failed = 1;
  }
  if (code !== 0 && failed === 0) failed = 1; // a crash outside any test still fails the run
  totals.passed += passed;
  totals.failed += failed;
  if (code !== 0 || failed) failures.push(label);
}

function findChromium() {
  if (process.env.CHROMIUM_PATH && fs.existsSync(process.env.CHROMIUM_PATH)) return process.env.CHROMIUM_PATH;
  for (const p of ["/usr/bin/chromium", "/usr/bin/chromium-browser"]) if (fs.existsSync(p)) return p;
  return null;
}

function playwright() {
  if (!findChromium()) {
    console.log("\nNo system Chromium found: installing Playwright's own (needs internet) ...");
    if (run("playwright install chromium", bin("playwright"), ["install", "chromium"]) !== 0) {
      console.error("Could not get a browser for the e2e tests. Install Chromium (Debian: apt-get install -y chromium) or run `npx playwright install chromium`.");
      totals.failed += 1;
      failures.push("e2e (no browser)");
      return;
    }
  }
  const out = path.join(outDir, "playwright.json");
  fs.rmSync(out, { force: true });
  const code = run("playwright: e2e in Chromium", bin("playwright"), ["test", "--reporter=list,json"], { PLAYWRIGHT_JSON_OUTPUT_NAME: out });
  let passed = 0, failed = 0;
  try {
    const s = JSON.parse(fs.readFileSync(out, "utf8")).stats;
    passed = s.expected;
    failed = s.unexpected + s.flaky + s.skipped;
  } catch {
    failed = 1;
  }
  if (code !== 0 && failed === 0) failed = 1;
  totals.passed += passed;
  totals.failed += failed;
  if (code !== 0 || failed) failures.push("e2e");
}

if (!fs.existsSync(path.join(root, "lib/db/generated/client.ts"))) run("prisma generate", "node", ["scripts/run.mjs", "generate"]);

const only = process.argv[2]; // optional: unit | pg | e2e
if (!only || only === "unit") vitest("PGlite (embedded)", { TEST_DATABASE_URL: "" });
if (!only || only === "pg") {
  if (process.env.TEST_DATABASE_URL) vitest("PostgreSQL", {});
  else console.log("\n(TEST_DATABASE_URL is not set: the PostgreSQL run of the suite is left out; .ci/run sets it.)");
}
if (!only || only === "e2e") playwright();

console.log(`\n${failures.length ? `Failed: ${failures.join(", ")}` : "All suites passed."}`);
console.log(`tests: ${totals.passed} passed, ${totals.failed} failed`);
process.exit(failures.length ? 1 : 0);
