/**
 * One engine's half of `npm run bench`, run in its own process because the DB client is a
 * per-process singleton chosen by env (DATABASE_URL → PostgreSQL, else DATA_DIR → PGlite).
 * Migrates, bulk-seeds, measures the scenarios, prints a table and writes JSON.
 */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import * as tickets from "@/app/api/v1/support/tickets/route";
import { closeDb, dbHandle } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { capturePlan, isTicketList } from "./explain";
import { measure, table, type Result } from "./measure";
import { call, fixtures, scenarios } from "./scenarios";
import { bulkSeed } from "./seed";

const { values: a } = parseArgs({
  options: {
    engine: { type: "string" },
    tickets: { type: "string", default: "100000" },
    messages: { type: "string", default: "500000" },
    iterations: { type: "string", default: "200" },
    out: { type: "string", default: "bench/results" },
  },
});
const engine = a.engine!;
const log = (m: string) => console.log(`[${engine}] ${m}`);

async function main() {
  const handle = await dbHandle();
  await migrate();
  // Seed through one raw session: the session_replication_role setting must stick to it.
  let exec: (sql: string) => Promise<Record<string, unknown>[]>;
  let end = async () => {};
  if (handle.pglite) {
    const lite = handle.pglite;
    exec = async (sql) => (await lite.query<Record<string, unknown>>(sql)).rows;
  } else {
    const client = new pg.Client({ connectionString: (handle.config as { url: string }).url });
    await client.connect();
    exec = async (sql) => (await client.query(sql)).rows;
    end = () => client.end();
  }
  const sizes = { tickets: Number(a.tickets), messages: Number(a.messages), customers: 5000, agents: 20 };
  log(`seeding ${sizes.tickets} tickets, ${sizes.messages} messages, ${sizes.customers} customers, ${sizes.agents} agents...`);
  const t0 = performance.now();
  const seeded = await bulkSeed(exec, exec, sizes);
  const seedSeconds = Math.round((performance.now() - t0) / 100) / 10;
  await end();
  log(`seeded in ${seedSeconds}s ${JSON.stringify(seeded.phases)} → ${JSON.stringify(seeded.counts)}`);

  const iterations = Number(a.iterations);
  const f = await fixtures(200);
  log(`walked the queue 200 pages deep: ${f.deepWalkMs.toFixed(1)} ms/page on average`);
  const plans: Record<string, string[]> = {
    "agent queue list": await capturePlan(() => call(tickets.GET, "GET", "/api/v1/support/tickets/?page_size=25", f.agentToken), isTicketList),
    "filtered search": await capturePlan(
      () => call(tickets.GET, "GET", "/api/v1/support/tickets/?status=pending&search=warranty&ordering=sla_due_at&page_size=25", f.agentToken),
      isTicketList,
    ),
  };
  const results: Result[] = [];
  for (const [name, req] of scenarios(f)) {
    log(`measuring ${name}...`);
    results.push(await measure(name, req, { iterations, warmup: 20, concurrency: 8, concurrentRequests: iterations }));
  }

  const out = [`\n=== ${engine}: ${seeded.counts.tickets} tickets, ${seeded.counts.messages} messages (seeded in ${seedSeconds}s) ===`, table(results)];
  for (const [name, plan] of Object.entries(plans)) out.push(`plan of ${name}:\n    ${plan.slice(0, 6).join("\n    ")}`);
  console.log(out.join("\n"));
  fs.mkdirSync(a.out!, { recursive: true });
  const file = path.join(a.out!, `${engine}-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
  fs.writeFileSync(file, JSON.stringify({ engine, at: new Date().toISOString(), sizes, seed: { seconds: seedSeconds, ...seeded }, deepWalkMsPerPage: f.deepWalkMs, results, plans }, null, 2));
  log(`results written to ${file}`);
  await closeDb();
}

main().catch(async (e) => {
  console.error(`[${engine}]`, e);
  await closeDb().catch(() => {});
  process.exit(1);
});
