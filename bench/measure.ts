/** Timing helpers: sequential latency percentiles and a concurrent throughput run. */
export interface Result {
  scenario: string;
  n: number;
  errors: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
  rps: number;
  concurrency: number;
}

/** One request of a scenario; returns the HTTP status. */
export type Request = (i: number) => Promise<number>;

const ok = (status: number) => status >= 200 && status < 300;

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export async function measure(
  scenario: string,
  req: Request,
  opts: { iterations: number; warmup: number; concurrency: number; concurrentRequests: number },
): Promise<Result> {
  let errors = 0;
  let firstError: number | null = null;
  const check = (s: number) => {
    if (!ok(s)) {
      errors++;
      firstError ??= s;
    }
  };
  for (let i = 0; i < opts.warmup; i++) check(await req(i));
  const times: number[] = [];
  for (let i = 0; i < opts.iterations; i++) {
    const t0 = performance.now();
    const s = await req(opts.warmup + i);
    times.push(performance.now() - t0);
    check(s);
  }
  // Throughput: keep `concurrency` requests in flight until concurrentRequests are done.
  let next = 0;
  const base = opts.warmup + opts.iterations;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: opts.concurrency }, async () => {
      while (next < opts.concurrentRequests) check(await req(base + next++));
    }),
  );
  const elapsed = (performance.now() - t0) / 1000;
  if (firstError !== null) console.error(`  ${scenario}: ${errors} request(s) failed, first with HTTP ${firstError}`);
  times.sort((a, b) => a - b);
  const r2 = (x: number) => Math.round(x * 100) / 100;
  return {
    scenario,
    n: times.length,
    errors,
    p50: r2(percentile(times, 50)),
    p95: r2(percentile(times, 95)),
    p99: r2(percentile(times, 99)),
    mean: r2(times.reduce((a, b) => a + b, 0) / times.length),
    rps: Math.round((opts.concurrentRequests / elapsed) * 10) / 10,
    concurrency: opts.concurrency,
  };
}

export function table(results: Result[]): string {
  const head = ["scenario", "n", "p50 ms", "p95 ms", "p99 ms", "mean ms", `req/s`, "errors"];
  const rows = results.map((r) => [r.scenario, String(r.n), r.p50.toFixed(1), r.p95.toFixed(1), r.p99.toFixed(1), r.mean.toFixed(1), `${r.rps} (x${r.concurrency})`, String(r.errors)]);
  const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(w[i]) : c.padStart(w[i]))).join("  ");
  return [line(head), w.map((n) => "-".repeat(n)).join("  "), ...rows.map(line)].join("\n");
}

function summarize(scenario: string, times: number[], count: number, seconds: number, errors: number, concurrency: number): Result {
  times.sort((a, b) => a - b);
  const r2 = (x: number) => Math.round(x * 100) / 100;
  return {
    scenario,
    n: times.length,
    errors,
    p50: r2(percentile(times, 50)),
    p95: r2(percentile(times, 95)),
    p99: r2(percentile(times, 99)),
    mean: r2(times.reduce((a, b) => a + b, 0) / times.length),
    rps: Math.round((count / seconds) * 10) / 10,
    concurrency,
  };
}

/**
 * The same scenario against two servers, interleaved so that whatever else the machine does
 * hits both alike: the latency run alternates single requests (A B, B A, ...), the throughput
 * run alternates rounds of `concurrency` requests in flight (A, B, B, A, A, B...). `b` may be
 * absent (a scenario only the first server answers).
 */
export async function measurePair(
  scenario: string,
  a: Request,
  b: Request | null,
  opts: { iterations: number; warmup: number; concurrency: number; concurrentRequests: number; rounds?: number; budgetSeconds?: number },
): Promise<{ a: Result; b: Result | null }> {
  // A scenario that takes seconds per request (a slow plan at full size) must not stall the
  // run for an hour: each phase stops taking new requests after its time budget.
  const budgetMs = (opts.budgetSeconds ?? 60) * 1000;
  const sides = b ? [a, b] : [a];
  const errors = sides.map(() => 0);
  const firstError: (number | null)[] = sides.map(() => null);
  const check = (side: number, s: number) => {
    if (!ok(s)) {
      errors[side]++;
      firstError[side] ??= s;
    }
  };
  const counters = sides.map(() => 0);
  const next = (side: number) => counters[side]++;
  for (let i = 0; i < opts.warmup; i++) for (let s = 0; s < sides.length; s++) check(s, await sides[s](next(s)));
  const times: number[][] = sides.map(() => []);
  const latencyStart = performance.now();
  for (let i = 0; i < opts.iterations && (i < 10 || performance.now() - latencyStart < budgetMs); i++) {
    const order = i % 2 ? [...sides.keys()].reverse() : [...sides.keys()];
    for (const s of order) {
      const n = next(s);
      const t0 = performance.now();
      const status = await sides[s](n);
      times[s].push(performance.now() - t0);
      check(s, status);
    }
  }
  const rounds = opts.rounds ?? 4;
  const perRound = Math.ceil(opts.concurrentRequests / rounds);
  const roundBudgetMs = budgetMs / rounds / sides.length;
  const elapsed = sides.map(() => 0);
  const done = sides.map(() => 0);
  for (let r = 0; r < rounds; r++) {
    const order = r % 2 ? [...sides.keys()].reverse() : [...sides.keys()];
    for (const s of order) {
      let left = perRound;
      let finished = 0;
      const t0 = performance.now();
      await Promise.all(
        Array.from({ length: opts.concurrency }, async () => {
          while (left > 0 && (finished < opts.concurrency || performance.now() - t0 < roundBudgetMs)) {
            left--;
            check(s, await sides[s](next(s)));
            finished++;
          }
        }),
      );
      elapsed[s] += (performance.now() - t0) / 1000;
      done[s] += finished;
    }
  }
  sides.forEach((_, s) => {
    if (firstError[s] !== null) console.error(`  ${scenario} (${s ? "bare" : "caseflow"}): ${errors[s]} request(s) failed, first with HTTP ${firstError[s]}`);
  });
  const res = sides.map((_, s) => summarize(scenario, times[s], done[s], elapsed[s], errors[s], opts.concurrency));
  return { a: res[0], b: res[1] ?? null };
}

export interface PairRow {
  scenario: string;
  caseflow: Result;
  bare: Result | null;
  trips: { caseflow: number | null; bare: number | null };
}

export function pairTable(rows: PairRow[], bareName = "bare"): string {
  const ms = (r: Result | null) => (r ? `${r.p50.toFixed(1)} / ${r.p95.toFixed(1)} / ${r.p99.toFixed(1)}` : "–");
  const head = ["scenario", "caseflow p50/p95/p99 ms", "req/s", `${bareName} p50/p95/p99 ms`, "req/s", "ratio", "round trips", "errors"];
  const body = rows.map((r) => [
    r.scenario,
    ms(r.caseflow),
    String(r.caseflow.rps),
    ms(r.bare),
    r.bare ? String(r.bare.rps) : "–",
    r.bare ? (r.caseflow.rps / r.bare.rps).toFixed(2) : "–",
    `${r.trips.caseflow ?? "?"} / ${r.bare ? (r.trips.bare ?? "?") : "–"}`,
    String(r.caseflow.errors + (r.bare?.errors ?? 0)),
  ]);
  const w = head.map((h, i) => Math.max(h.length, ...body.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(w[i]) : c.padStart(w[i]))).join("  ");
  return [line(head), w.map((n) => "-".repeat(n)).join("  "), ...body.map(line)].join("\n");
}
