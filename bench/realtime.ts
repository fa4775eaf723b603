/**
 * The realtime half of `npm run bench`: N open streams on one instance (the real route handler,
 * in-process), W writes per second through the messages API, and the delivery latency from a
 * write's commit (its response) to each stream that may see it, plus the process's memory.
 * Run by bench/run.ts per engine; `--streams`, `--rate`, `--seconds` tune it.
 */
import { parseArgs } from "node:util";
import { NextRequest } from "next/server";
import * as messages from "@/app/api/v1/support/messages/route";
import * as stream from "@/app/api/v1/support/stream/route";
import { signToken } from "@/lib/auth/jwt";
import "@/lib/boot";
import { closeDb, db } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import * as ticketsRoute from "@/app/api/v1/support/tickets/route";
import { stopRealtime } from "@/lib/realtime/hub";

const { values: a } = parseArgs({
  options: {
    engine: { type: "string", default: "?" },
    streams: { type: "string", default: "1000" },
    rate: { type: "string", default: "50" },
    seconds: { type: "string", default: "10" },
  },
});
const log = (m: string) => console.log(`[${a.engine} realtime] ${m}`);
type Handler = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
const pct = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

async function main() {
  await migrate();
  const prisma = await db();
  const stamp = Date.now();
  const agent = await prisma.user.create({ data: { email: `rt-agent-${stamp}@bench.test`, role: "admin", isStaff: true }, select: { id: true } });
  const customers = await Promise.all(
    Array.from({ length: 50 }, (_, i) => prisma.user.create({ data: { email: `rt-c${i}-${stamp}@bench.test` }, select: { id: true } })),
  );
  const tickets: { id: string; owner: number; token: string }[] = [];
  for (const [i, c] of customers.entries()) {
    const token = await signToken(c.id, "access");
    const req = new NextRequest("http://localhost:3000/api/v1/support/tickets/", {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ subject: `Realtime ${i}`, initial_message: "hello" }),
    });
    const res = await (ticketsRoute.POST as unknown as Handler)(req, { params: Promise.resolve({}) });
    if (res.status !== 201) throw new Error(`ticket create failed: ${res.status} ${await res.text()}`);
    tickets.push({ id: (await res.json()).id, owner: i, token });
  }
  const agentToken = await signToken(agent.id, "access");

  // Streams: one in ten an agent's (sees every write), the rest spread over the customers.
  const n = Number(a.streams);
  const arrivals = new Map<string, number[]>(); // message id → arrival times (ms)
  const readers: ReadableStreamDefaultReader<Uint8Array>[] = [];
  global.gc?.();
  const before = process.memoryUsage();
  for (let i = 0; i < n; i++) {
    const token = i % 10 === 0 ? agentToken : tickets[i % tickets.length].token;
    const req = new NextRequest("http://localhost:3000/api/v1/support/stream/", { headers: { authorization: `Bearer ${token}` } });
    const res = await (stream.GET as unknown as Handler)(req, { params: Promise.resolve({}) });
    const reader = res.body!.getReader();
    readers.push(reader);
    void (async () => {
      const dec = new TextDecoder();
      for (;;) {
        const { done, value } = await reader.read().catch(() => ({ done: true, value: undefined }));
        if (done) return;
        const now = performance.now();
        for (const m of dec.decode(value).matchAll(/"message":"([0-9a-f-]+)"/g)) {
          const list = arrivals.get(m[1]) ?? [];
          list.push(now);
          arrivals.set(m[1], list);
        }
      }
    })();
  }
  await new Promise((r) => setTimeout(r, 500));
  global.gc?.();
  const open = process.memoryUsage();
  log(`${n} streams open: rss ${mb(open.rss)} (+${mb(open.rss - before.rss)}), heap ${mb(open.heapUsed)} (+${mb(open.heapUsed - before.heapUsed)})`);

  const rate = Number(a.rate);
  const total = rate * Number(a.seconds);
  const committed = new Map<string, { at: number; ticket: number }>();
  const started = performance.now();
  const writes: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const t = tickets[i % tickets.length];
    writes.push(
      (async () => {
        const req = new NextRequest("http://localhost:3000/api/v1/support/messages/", {
          method: "POST",
          headers: { authorization: `Bearer ${t.token}`, "content-type": "application/json" },
          body: JSON.stringify({ ticket: t.id, body: `bench message ${i}` }),
        });
        const res = await (messages.POST as unknown as Handler)(req, { params: Promise.resolve({}) });
        const body = await res.json();
        if (res.status === 201) committed.set(body.id, { at: performance.now(), ticket: t.owner });
      })(),
    );
  }
  await Promise.all(writes);
  const achieved = total / ((performance.now() - started) / 1000);
  await new Promise((r) => setTimeout(r, 2000)); // let the last deliveries land
  global.gc?.();
  const after = process.memoryUsage();

  // Expected receivers of a message on ticket k: every agent stream, and the customer streams of k.
  const agentStreams = Math.ceil(n / 10);
  const perCustomer = (k: number) => Array.from({ length: n }, (_, i) => i).filter((i) => i % 10 !== 0 && i % tickets.length === k).length;
  const lat: number[] = [];
  let expected = 0;
  for (const [id, w] of committed) {
    expected += agentStreams + perCustomer(w.ticket);
    for (const t of arrivals.get(id) ?? []) lat.push(Math.max(0, t - w.at));
  }
  lat.sort((x, y) => x - y);
  log(`${committed.size} writes at ${achieved.toFixed(1)}/s; ${lat.length} of ${expected} expected deliveries`);
  log(`delivery latency after commit: p50 ${pct(lat, 50).toFixed(1)} ms, p95 ${pct(lat, 95).toFixed(1)} ms, max ${lat[lat.length - 1].toFixed(1)} ms (goal p95 < 250 ms)`);
  log(`memory after: rss ${mb(after.rss)}, heap ${mb(after.heapUsed)}`);
  for (const r of readers) await r.cancel().catch(() => undefined);
  await stopRealtime();
  await closeDb();
  if (lat.length < expected) process.exitCode = 1;
}

main().catch(async (e) => {
  console.error(e);
  await stopRealtime().catch(() => undefined);
  await closeDb().catch(() => undefined);
  process.exit(1);
});
