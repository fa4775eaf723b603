import { Prisma, type NotificationKind } from "@/lib/db/generated/client";
import { db } from "@/lib/db/client";
import { mailConfig, type MailConfig } from "./config";
import { outboundHeaders } from "@/lib/inbound/thread-headers";
import { yieldMs } from "@/lib/api/in-flight";
import { renderNotification } from "./render-notification";
import { transportFromConfig, TransportError, type MailTransport } from "./transports";

/*
 * The outbox's delivery side. Rows are claimed in one short statement (FOR UPDATE SKIP LOCKED
 * plus a lease in locked_until), so any number of workers in any number of app instances can
 * drain one database without two of them holding the same row. The lease is short and renewed
 * by a heartbeat while its worker lives, so mail held by a crashed instance is taken over soon
 * after the lease runs out. Sending happens outside any transaction; the notification id is the
 * provider's idempotency key, so a worker that dies (or stalls past its lease) after the
 * provider accepted a mail causes no second send when another worker takes the row over.
 *
 * A claim counts the row's attempts up, so the attempt number a worker claimed with is its
 * fencing token: every later write of that worker (renewal, sent, retry, dead) applies only
 * while the row still carries it. A worker that lost its lease can no longer touch the row.
 */

export interface DrainOptions {
  transport?: MailTransport;
  /** The worker's clock (tests move it forward to get past a backoff). */
  now?: Date;
  batchSize?: number;
  config?: MailConfig;
  /** Test seam: template loaders by kind. */
  templates?: Parameters<typeof renderNotification>[2];
  /**
   * Stops the drain the way a process exit would: no more claims, sends or lease renewals; the
   * mail in hand is left to its leases. (Tests use it to play an instance that crashed.)
   */
  signal?: AbortSignal;
  /**
   * How the drain waits between mails while requests are being served (see yieldMs in
   * lib/api/in-flight.ts). Test seam: the default sleeps.
   */
  pause?: (ms: number) => Promise<void>;
}

export interface DrainResult {
  sent: number;
  retried: number;
  dead: number;
  /** Set when some mail passed to another worker before this one finished it (that one decides). */
  lost?: number;
}

type Outcome = "sent" | "retried" | "dead" | "lost";

interface Claimed {
  id: string;
  kind: NotificationKind;
  to_email: string;
  payload: unknown;
  attempts: number;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Exponential backoff with jitter (50-100% of the step), so failed batches don't retry in lockstep. */
export function backoffMs(attempt: number, cfg: Pick<MailConfig, "backoffBaseMs" | "backoffMaxMs">, random = Math.random): number {
  const step = Math.min(cfg.backoffMaxMs, cfg.backoffBaseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(step * (0.5 + random() * 0.5));
}

async function claim(now: Date, batchSize: number, leaseUntil: Date): Promise<Claimed[]> {
  const prisma = await db();
  // attempts is counted at claim time: a worker that crashes mid-send still used an attempt,
  // so a mail that kills workers is dead-lettered instead of retried forever.
  return prisma.$queryRaw<Claimed[]>`
    WITH c AS (
      SELECT id FROM notifications
      WHERE status = 'pending' AND next_attempt_at <= ${now}
        AND (locked_until IS NULL OR locked_until <= ${now})
      ORDER BY next_attempt_at, id
      LIMIT ${batchSize}
      FOR UPDATE SKIP LOCKED
    )
    UPDATE notifications n SET locked_until = ${leaseUntil}, attempts = n.attempts + 1
    FROM c WHERE n.id = c.id
    RETURNING n.id::text AS id, n.kind::text AS kind, n.to_email, n.payload, n.attempts`;
}

/**
 * Renews, every third of the lease, the leases of the rows a drain still holds: one statement
 * for all of them, each under its fencing token. A row missing from the answer was taken over
 * (its lease ran out while the event loop stalled or the database was unreachable): it goes to
 * `lost`, and the drain leaves it alone. Returns the function that stops the heartbeat.
 */
function heartbeat(held: Map<string, Claimed>, lost: Set<string>, leaseMs: number, clock: () => Date): () => void {
  let busy = false;
  const beat = async () => {
    if (busy || !held.size) return;
    busy = true;
    try {
      const prisma = await db();
      const rows = [...held.values()];
      const pairs = Prisma.join(rows.map((r) => Prisma.sql`(${r.id}::uuid, ${r.attempts}::int)`));
      const kept = await prisma.$queryRaw<{ id: string }[]>`
        UPDATE notifications SET locked_until = ${new Date(clock().getTime() + leaseMs)}
        WHERE status = 'pending' AND (id, attempts) IN (${pairs})
        RETURNING id::text AS id`;
      const ids = new Set(kept.map((k) => k.id));
      for (const r of rows) {
        if (ids.has(r.id) || !held.has(r.id)) continue; // renewed, or finished meanwhile
        held.delete(r.id);
        lost.add(r.id);
        console.warn(`[notifications] ${r.id}: lease lost to another worker; leaving it to that one`);
      }
    } catch (e) {
      console.error("[notifications] lease renewal failed; retrying on the next beat", e);
    } finally {
      busy = false;
    }
  };
  const timer = setInterval(beat, Math.max(1, Math.floor(leaseMs / 3)));
  timer.unref?.();
  return () => clearInterval(timer);
}

async function deliver(row: Claimed, transport: MailTransport, cfg: MailConfig, opts: DrainOptions, now: Date): Promise<Outcome> {
  const prisma = await db();
  // Every write below is fenced by the claim's attempt number (see the top of this file).
  const mine = Prisma.sql`id = ${row.id}::uuid AND status = 'pending' AND attempts = ${row.attempts}`;
  try {
    const mail = await renderNotification(row.kind, row.payload, opts.templates);
    const { providerId } = await transport.send(
      { from: cfg.from, to: row.to_email, subject: mail.subject, html: mail.html, text: mail.text, headers: outboundHeaders(row) },
      { idempotencyKey: row.id },
    );
    const done = await prisma.$executeRaw`
      UPDATE notifications SET status = 'sent', sent_at = ${new Date()}, provider_id = ${providerId},
        locked_until = NULL, last_error = NULL
      WHERE ${mine}`;
    return done ? "sent" : "lost";
  } catch (e) {
    const error = `attempt ${row.attempts}: ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`.slice(0, 2000).toWellFormed();
    const permanent = e instanceof TransportError && e.permanent;
    if (permanent || row.attempts >= cfg.maxAttempts) {
      const done = await prisma.$executeRaw`
        UPDATE notifications SET status = 'dead', locked_until = NULL, last_error = ${error}
        WHERE ${mine}`;
      if (!done) return "lost";
      console.error(`[notifications] ${row.id} dead-lettered: ${error}`);
      return "dead";
    }
    const next = new Date(now.getTime() + backoffMs(row.attempts, cfg));
    const done = await prisma.$executeRaw`
      UPDATE notifications SET next_attempt_at = ${next}, locked_until = NULL, last_error = ${error}
      WHERE ${mine}`;
    return done ? "retried" : "lost";
  }
}

/**
 * Delivers everything due at `now`, batch after batch, until nothing claimable is left. Rows
 * rescheduled on the way are due later than `now`, so one drain never spins on a failing mail.
 * A batch is worked through one mail at a time under one heartbeat that keeps its leases.
 */
export async function drainOutbox(opts: DrainOptions = {}): Promise<DrainResult> {
  const cfg = opts.config ?? mailConfig();
  const transport = opts.transport ?? transportFromConfig(cfg);
  const now = opts.now ?? new Date();
  // The worker's clock for leases: `now`, moving on in real time from here.
  const started = Date.now();
  const clock = () => new Date(now.getTime() + (Date.now() - started));
  const result: DrainResult = { sent: 0, retried: 0, dead: 0 };
  const count = (o: Outcome) => (o === "lost" ? (result.lost = (result.lost ?? 0) + 1) : result[o]++);
  while (!opts.signal?.aborted) {
    const rows = await claim(now, opts.batchSize ?? 10, new Date(clock().getTime() + cfg.leaseMs));
    if (!rows.length) break;
    const held = new Map(rows.map((r) => [r.id, r]));
    const lost = new Set<string>();
    const stop = heartbeat(held, lost, cfg.leaseMs, clock);
    opts.signal?.addEventListener("abort", stop, { once: true });
    try {
      for (const row of rows) {
        if (opts.signal?.aborted) break;
        const began = performance.now();
        count(lost.has(row.id) ? "lost" : await deliver(row, transport, cfg, opts, now));
        held.delete(row.id);
        // Requests first: a mail's render is synchronous CPU on the event loop they share.
        const wait = yieldMs(performance.now() - began);
        if (wait > 0) await (opts.pause ?? sleep)(wait);
      }
    } finally {
      stop();
      opts.signal?.removeEventListener("abort", stop);
    }
  }
  return result;
}

const g = globalThis as unknown as { __caseflowOutboxWorker?: NodeJS.Timeout };

/** The in-process worker of a running app instance: drains on an interval, one drain at a time. */
export function startOutboxWorker(): void {
  if (g.__caseflowOutboxWorker) return; // Next dev re-runs instrumentation on reload
  const cfg = mailConfig();
  const transport = transportFromConfig(cfg);
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await drainOutbox({ transport, config: cfg });
    } catch (e) {
      console.error("[notifications] outbox drain failed; retrying next tick", e);
    } finally {
      running = false;
    }
  };
  g.__caseflowOutboxWorker = setInterval(tick, cfg.workerIntervalMs);
  g.__caseflowOutboxWorker.unref?.();
  console.log(`[notifications] outbox worker started (transport: ${transport.name}, every ${cfg.workerIntervalMs} ms, lease ${cfg.leaseMs} ms)`);
}

export function stopOutboxWorker(): void {
  if (g.__caseflowOutboxWorker) clearInterval(g.__caseflowOutboxWorker);
  g.__caseflowOutboxWorker = undefined;
}
