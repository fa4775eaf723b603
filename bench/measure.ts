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
