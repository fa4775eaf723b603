/**
 * One engine's half of `npm run bench`, run in its own process because the DB client is a
 * per-process singleton chosen by env (DATABASE_URL → PostgreSQL, else DATA_DIR → PGlite).
 * Migrates, bulk-seeds, measures the scenarios, prints a table and writes JSON.
 */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { closeDb, dbHandle } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { compareLists } from "./compare";
import { captureQueries, capturePlan, isMessageList, isTicketList } from "./explain";
import { Client, freePort, pathOf, root, startServer, type Server } from "./http";
import { measure, measurePair, pairTable, table, type PairRow, type Result } from "./measure";
import { messageListSql, ticketListSql } from "./reference-server";
import { DEEP_ORDERINGS, fixtures, inProcess, specs, type Fixtures, type Spec } from "./scenarios";
import { bulkSeed } from "./seed";

const DEEP_PAGE = 200;

const { values: a } = parseArgs({
  options: {
    engine: { type: "string" },
    tickets: { type: "string", default: "20000" },
    messages: { type: "string", default: "100000" },
    iterations: { type: "string", default: "100" },
    out: { type: "string", default: "bench/results" },
    // http: `next start` and the bare reference server, over real HTTP; inprocess: the route
    // handlers called directly (no server: the app + database cost alone).
    mode: { type: "string", default: "http" },
    // Seed, print the timings, stop (to time the seeding alone at large sizes).
    "seed-only": { type: "boolean", default: false },
  },
});
const engine = a.engine!;
const mode = a.mode === "inprocess" ? "inprocess" : "http";
const log = (m: string) => console.log(`[${engine}] ${m}`);

async function main() {
  const handle = await dbHandle();
  await migrate();
  // Seed through one raw session: the session_replication_role setting must stick to it.
  let exec: (sql: string) => Promise<Record<string, unknown>[]>;
  let end = async () => {};
  const sessions: ((sql: string) => Promise<unknown>)[] = [];
  if (handle.pglite) {
    const lite = handle.pglite;
    exec = async (sql) => (await lite.query<Record<string, unknown>>(sql)).rows;
  } else {
    const client = new pg.Client({ connectionString: (handle.config as { url: string }).url });
    // A second session rebuilds indexes alongside the first (2 cores here).
    const second = new pg.Client({ connectionString: (handle.config as { url: string }).url });
    await Promise.all([client.connect(), second.connect()]);
    exec = async (sql) => (await client.query(sql)).rows;
    sessions.push(async (sql) => (await second.query(sql)).rows);
    end = async () => {
      await Promise.all([client.end(), second.end()]);
    };
  }
  const sizes = { tickets: Number(a.tickets), messages: Number(a.messages), customers: 5000, agents: 20 };
  log(`seeding ${sizes.tickets} tickets, ${sizes.messages} messages, ${sizes.customers} customers, ${sizes.agents} agents...`);
  const t0 = performance.now();
  const seeded = await bulkSeed(exec, exec, sizes, { server: !handle.pglite, sessions });
  const seedSeconds = Math.round((performance.now() - t0) / 100) / 10;
  await end();
  log(`seeded in ${seedSeconds}s ${JSON.stringify(seeded.phases)} → ${JSON.stringify(seeded.counts)}`);
  if (a["seed-only"]) return closeDb();

  const iterations = Number(a.iterations);
  const f = await fixtures(DEEP_PAGE);
  log(`walked the queue ${DEEP_PAGE} pages deep: ${f.deepWalkMs.toFixed(1)} ms/page on average`);
  const all = specs(f);
  // Measured in-process on Caseflow's own client, one request at a time: the statements each
  // request sends (round trips) and the plan of each list's main statement. Writes are counted
  // after the timed runs: a post now would move tickets in the queue the deep pages point into.
  const trips: Record<string, number> = {};
  const plans: Record<string, string[]> = {};
  const countTrips = async (spec: Spec) => {
    await inProcess(spec)(0); // warm: the first call also loads modules and prepares statements
    trips[spec.name] = (await captureQueries(() => inProcess(spec)(1))).length;
  };
  for (const spec of all.filter((s) => s.method === "GET")) {
    await countTrips(spec);
    plans[spec.name] = await capturePlan(() => inProcess(spec)(0), spec.path(0, "caseflow").includes("/messages/") ? isMessageList : isTicketList);
  }

  const opts = { iterations, warmup: 20, concurrency: 8, concurrentRequests: iterations };
  const out = [`\n=== ${engine} (${mode}): ${seeded.counts.tickets} tickets, ${seeded.counts.messages} messages (seeded in ${seedSeconds}s) ===`];
  const report: Record<string, unknown> = { engine, mode, at: new Date().toISOString(), sizes, seed: { seconds: seedSeconds, ...seeded }, deepWalkMsPerPage: f.deepWalkMs, trips };
  let failed = false;
  let barePlans: Record<string, string[]> = {};
  if (mode === "inprocess") {
    const results: Result[] = [];
    for (const spec of all) {
      log(`measuring ${spec.name}...`);
      results.push(await measure(spec.name, inProcess(spec), opts));
    }
    for (const spec of all.filter((s) => s.method !== "GET")) await countTrips(spec);
    out.push(table(results), deepRatios(results), `round trips per request: ${Object.entries(trips).map(([k, v]) => `${k} ${v}`).join(", ")}`);
    Object.assign(report, { results });
    failed = results.some((r) => r.errors > 0);
  } else {
    const http = await measureHttp(f, opts);
    for (const spec of all.filter((s) => s.method !== "GET")) await countTrips(spec);
    for (const r of http.rows) r.trips.caseflow = trips[r.scenario] ?? null;
    out.push(http.note, pairTable(http.rows), deepRatios(http.rows.map((r) => r.caseflow)));
    Object.assign(report, { results: http.rows, barePlans: http.barePlans, mismatches: http.mismatches });
    failed = http.failed;
    barePlans = http.barePlans;
  }
  for (const [name, plan] of Object.entries(plans)) {
    out.push(`plan of ${name}, caseflow (main statement):\n    ${plan.slice(0, 8).join("\n    ")}`);
    if (barePlans[name]) out.push(`plan of ${name}, bare server:\n    ${barePlans[name].slice(0, 10).join("\n    ")}`);
  }
  Object.assign(report, { plans });
  console.log(out.join("\n"));
  fs.mkdirSync(a.out!, { recursive: true });
  const file = path.join(a.out!, `${engine}-${mode}-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
  fs.writeFileSync(file, JSON.stringify(report, null, 2));
  log(`results written to ${file}`);
  await closeDb();
  if (failed) process.exitCode = 1;
}

/**
 * Starts `next start` (and, on PostgreSQL, the bare reference server) on free ports, checks
 * both answer the same JSON, then measures every scenario against both, interleaved.
 */
async function measureHttp(f: Fixtures, opts: Parameters<typeof measurePair>[3]) {
  const handle = await dbHandle();
  const url = handle.pglite ? null : (handle.config as { url: string }).url;
  // PGlite allows one process per data directory: hand it over to the server.
  if (handle.pglite) {
    const dir = (handle.config as { dataDir: string }).dataDir;
    await closeDb();
    releasePgliteLock(dir);
  }
  const probe = { path: "/api/v1/support/tickets/?page_size=1", token: f.agentToken };
  const servers: Server[] = [];
  try {
    let port = await freePort();
    log(`starting next start on :${port}...`);
    const t0 = performance.now();
    servers.push(await startServer("caseflow", process.execPath, ["scripts/run.mjs", "start"], { ...process.env, NEXTAUTH_URL: `http://127.0.0.1:${port}` }, port, probe));
    log(`next start answered after ${((performance.now() - t0) / 1000).toFixed(1)}s`);
    if (url) {
      port = await freePort();
      servers.push(await startServer("reference", path.join(root, "node_modules", ".bin", "tsx"), ["bench/reference-server.ts", `--port=${port}`], process.env, port, probe));
      log(`reference server on :${port}`);
    } else {
      log("PGlite is single-process: no bare reference server (it would need its own database connection)");
    }
    const [cf, bare] = [servers[0].client, servers[1]?.client];

    // The reference server's deep page: its own cursors, walked over HTTP like Caseflow's were.
    const bareDeep: string[] = [];
    if (bare) {
      let next: string | null = "/api/v1/support/tickets/?page_size=25";
      for (let page = 1; next && page <= DEEP_PAGE; page++) {
        const r = await bare.get(next, f.agentToken);
        if (r.status !== 200) throw new Error(`reference queue walk failed at page ${page}: HTTP ${r.status} ${r.text.slice(0, 200)}`);
        next = JSON.parse(r.text).next;
        if (next && page >= DEEP_PAGE - 10) bareDeep.push(pathOf(next));
      }
    }
    const specsHttp = specs({ ...f, deepPages: f.deepPages.map(pathOf), deepByOrdering: Object.fromEntries(Object.entries(f.deepByOrdering).map(([o, ps]) => [o, ps.map(pathOf)])) }, bareDeep);

    // Same JSON: the first request of every list scenario, answered by both.
    const mismatches: Record<string, string[]> = {};
    const bareTrips: Record<string, number> = {};
    const barePlans: Record<string, string[]> = {};
    if (bare) {
      const pgc = new pg.Client({ connectionString: url! });
      await pgc.connect();
      try {
        for (const s of specsHttp.filter((s) => s.bare)) {
          for (const i of [0, 1, 2]) {
            const [x, y] = await Promise.all([cf.get(s.path(i, "caseflow"), s.token(i)), bare.get(s.path(i, "bare"), s.token(i))]);
            const problems = x.status !== y.status ? [`HTTP ${x.status} vs ${y.status}`] : compareLists(x.text, y.text);
            if (problems.length) (mismatches[s.name] ??= []).push(...problems.map((p) => `request ${i}: ${p}`));
            bareTrips[s.name] = Number(y.headers["x-db-round-trips"]);
          }
          const u = new URL(s.path(0, "bare"), "http://x");
          const userId = await agentId(f.agentToken);
          const q = u.pathname.includes("/messages/") ? messageListSql(userId, u.searchParams).q : ticketListSql(userId, u.searchParams).q;
          barePlans[s.name] = (await pgc.query(`EXPLAIN ${q.text}`, q.values as unknown[])).rows.map((r) => String(Object.values(r)[0]));
        }
        // A customer's view too: only their own tickets, no AI fields, no internal notes.
        for (const [i, t] of f.targets.slice(0, 3).entries()) {
          for (const p of ["/api/v1/support/tickets/?page_size=25", `/api/v1/support/messages/?ticket=${t.id}`, "/api/v1/support/tickets/?search=zqnothingxj"]) {
            const [x, y] = await Promise.all([cf.get(p, t.userToken), bare.get(p, t.userToken)]);
            const problems = x.status !== y.status ? [`HTTP ${x.status} vs ${y.status}`] : compareLists(x.text, y.text);
            if (problems.length) (mismatches[`customer view ${p}`] ??= []).push(...problems.map((q) => `customer ${i}: ${q}`));
          }
        }
      } finally {
        await pgc.end();
      }
      if (Object.keys(mismatches).length) {
        for (const [name, p] of Object.entries(mismatches)) console.error(`[${engine}] the reference server disagrees with Caseflow on ${name}:\n  ${p.slice(0, 5).join("\n  ")}`);
      } else log("the reference server answers the same JSON as Caseflow on every list scenario (3 requests each, and 3 customers' views)");
    }

    const rows: PairRow[] = [];
    for (const s of specsHttp) {
      log(`measuring ${s.name} over HTTP...`);
      const req = (c: Client, side: "caseflow" | "bare") => (i: number) => c.request(s.method, s.path(i, side), s.token(i), s.body?.(i)).then((r) => r.status);
      const m = await measurePair(s.name, req(cf, "caseflow"), bare && s.bare ? req(bare, "bare") : null, opts);
      for (const r of [m.a, m.b]) if (r && r.n < opts.iterations) log(`${s.name}: latency run stopped after ${r.n} requests (60 s budget per phase)`);
      rows.push({ scenario: s.name, caseflow: m.a, bare: m.b, trips: { caseflow: null, bare: bareTrips[s.name] ?? null } });
    }
    const failed = Object.keys(mismatches).length > 0 || rows.some((r) => r.caseflow.errors + (r.bare?.errors ?? 0) > 0);
    const note = `HTTP, keep-alive, latency: ${opts.iterations} sequential requests per server (interleaved); req/s: ${opts.concurrentRequests} requests, ${opts.concurrency} in flight; ratio = caseflow req/s ÷ bare req/s; round trips = SQL statements per request`;
    return { note, rows, barePlans, mismatches, failed };
  } finally {
    for (const s of servers.reverse()) await s.stop();
  }
}

/**
 * lib/db's data-folder lock is released when its process exits; this process hands the folder
 * to the server while it keeps running, so it removes its own lock after closing the database.
 */
function releasePgliteLock(dir: string) {
  const lock = path.join(dir, "caseflow.pid");
  try {
    if (JSON.parse(fs.readFileSync(lock, "utf8")).pid === process.pid) fs.unlinkSync(lock);
  } catch {
    /* no lock, or not ours */
  }
}

/** The user id inside one of our own tokens (no verification needed: we signed it). */
async function agentId(token: string): Promise<string> {
  return JSON.parse(Buffer.from(token.split(".")[1], "base64url").toString("utf8")).sub;
}

main().catch(async (e) => {
  console.error(`[${engine}]`, e);
  await closeDb().catch(() => {});
  process.exit(1);
});

/** Deep page p50 ÷ page 1 p50 per ordering (issue 15: at most 1.3). */
function deepRatios(results: Result[]): string {
  const p50 = (name: string) => results.find((r) => r.scenario === name)?.p50;
  const pairs: [string, number | undefined, number | undefined][] = [
    ["default (-last_message_at)", p50("deep cursor page"), p50("agent queue list")],
    ...DEEP_ORDERINGS.map((o): [string, number | undefined, number | undefined] => [o, p50(`deep page, ordering=${o}`), p50(`page 1, ordering=${o}`)]),
  ];
  return `deep page (200 pages in) p50 ÷ page 1 p50: ${pairs.map(([o, deep, first]) => `${o} ${deep && first ? (deep / first).toFixed(2) : "–"}`).join(", ")}`;
}
