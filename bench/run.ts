/**
 * npm run bench [-- --only=pglite|postgres --tickets=N --messages=N --iterations=N]
 *                [--mode=http|inprocess] [--scenario=api|realtime --streams=N --rate=N --seconds=N] [--seed-only]
 * Runs the benchmark on a throw-away embedded database (temporary PGlite dir) and on a fresh
 * PostgreSQL database (created on BENCH_DATABASE_URL's server, default
 * postgres://postgres@127.0.0.1:5432, and dropped afterwards), each in its own process.
 * The api scenario runs over HTTP by default: `next start` (the production build, made first
 * when missing or stale) and, on PostgreSQL, the bare reference server (bench/reference-server.ts),
 * measured side by side. `--mode=inprocess` calls the route handlers directly instead.
 * See docs/benchmarks.md.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { ensureBuild } from "./http";

const { values: a } = parseArgs({
  options: {
    only: { type: "string" },
    tickets: { type: "string", default: "20000" },
    messages: { type: "string", default: "100000" },
    mode: { type: "string", default: "http" },
    "seed-only": { type: "boolean", default: false },
    iterations: { type: "string", default: "100" },
    // api: the request scenarios (bench/engine.ts); realtime: open streams and delivery
    // latency (bench/realtime.ts). Both by default.
    scenario: { type: "string" },
    streams: { type: "string", default: "1000" },
    rate: { type: "string", default: "50" },
    seconds: { type: "string", default: "10" },
  },
});
if (a.scenario && !["api", "realtime"].includes(a.scenario)) {
  console.error("--scenario must be api or realtime");
  process.exit(2);
}
if (!["http", "inprocess"].includes(a.mode!)) {
  console.error("--mode must be http or inprocess");
  process.exit(2);
}
if (a.only && !["pglite", "postgres"].includes(a.only)) {
  console.error("--only must be pglite or postgres");
  process.exit(2);
}
const root = path.resolve(import.meta.dirname, "..");
const tsx = path.join(root, "node_modules", ".bin", "tsx");
const baseEnv: NodeJS.ProcessEnv = {
  ...process.env,
  NODE_ENV: "production", // what we measure is the production code path (no dev-only work)
  NEXT_TELEMETRY_DISABLED: "1",
  AUTH_SECRET: process.env.AUTH_SECRET || "bench-secret-0123456789-0123456789-0123456789",
  MAIL_TRANSPORT: "local",
  // One client for the throughput run: 8 in flight need a pool at least that big.
  DATABASE_POOL_SIZE: process.env.DATABASE_POOL_SIZE || "10",
  // A few tokens make every measured request: keep the rate limiter's work in the measurement
  // but never let it refuse one.
  RATE_LIMIT_REQUESTS_USER: "100000000",
  RATE_LIMIT_WRITES_USER: "100000000",
};
delete baseEnv.RESEND_API_KEY;

function spawnTsx(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const p = spawn(tsx, args, { cwd: root, env, stdio: "inherit" });
    p.on("exit", (code) => resolve(code ?? 1));
  });
}

async function child(engine: string, env: NodeJS.ProcessEnv): Promise<number> {
  let failed = 0;
  if (a.scenario !== "realtime") {
    failed += await spawnTsx(["bench/engine.ts", `--engine=${engine}`, `--tickets=${a.tickets}`, `--messages=${a.messages}`, `--iterations=${a.iterations}`, `--mode=${a.mode}`, ...(a["seed-only"] ? ["--seed-only"] : [])], env);
  }
  if (a.scenario !== "api" && !a["seed-only"]) {
    failed += await spawnTsx(["bench/realtime.ts", `--engine=${engine}`, `--streams=${a.streams}`, `--rate=${a.rate}`, `--seconds=${a.seconds}`], env);
  }
  return failed;
}

async function runPglite(): Promise<number> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "caseflow-bench-"));
  const env: NodeJS.ProcessEnv = { ...baseEnv, DATA_DIR: dir };
  delete env.DATABASE_URL;
  try {
    return await child("pglite", env);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function runPostgres(): Promise<number> {
  const server = process.env.BENCH_DATABASE_URL?.trim() || "postgres://postgres@127.0.0.1:5432/postgres";
  const name = `caseflow_bench_${Date.now()}`;
  const admin = new pg.Client({ connectionString: server, connectionTimeoutMillis: 3000 });
  try {
    await admin.connect();
  } catch (e) {
    console.log(`[postgres] skipped: PostgreSQL is unreachable at ${server.replace(/:[^:@/]*@/, ":***@")} (${(e as Error).message}). Set BENCH_DATABASE_URL to a server where we may create a database.`);
    return 0;
  }
  try {
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(server);
    url.pathname = `/${name}`;
    const env: NodeJS.ProcessEnv = { ...baseEnv, DATABASE_URL: url.toString() };
    return await child("postgres", env);
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch((e) => console.error(`[postgres] could not drop ${name}: ${e.message}`));
    await admin.end();
  }
}

async function main() {
  const started = Date.now();
  let failed = 0;
  if (a.mode === "http" && a.scenario !== "realtime" && !a["seed-only"]) {
    const seconds = ensureBuild(baseEnv);
    if (seconds) console.log(`[bench] built the app in ${seconds}s`);
  }
  if (!a.only || a.only === "pglite") failed += (await runPglite()) === 0 ? 0 : 1;
  if (!a.only || a.only === "postgres") failed += (await runPostgres()) === 0 ? 0 : 1;
  console.log(`\nbench finished in ${Math.round((Date.now() - started) / 1000)}s; JSON results in bench/results/`);
  process.exit(failed ? 1 : 0);
}

main();
