import type { NotificationKind } from "@/lib/db/generated/client";
import { db } from "@/lib/db/client";
import { mailConfig, type MailConfig } from "./config";
import { outboundHeaders } from "@/lib/inbound/thread-headers";
import { renderNotification } from "./render-notification";
import { transportFromConfig, TransportError, type MailTransport } from "./transports";

/*
 * The outbox's delivery side. Rows are claimed in one short statement (FOR UPDATE SKIP LOCKED
 * plus a lease in locked_until), so any number of workers in any number of app instances can
 * drain one database without two of them holding the same row. Sending happens outside any
 * transaction; the notification id is the provider's idempotency key, so even a worker that
 * dies after the provider accepted a mail (and whose lease then expires) causes no second send.
 */

// Longer than a send can take (transport timeout + render), so a live worker never loses its row.
const LEASE_MS = 5 * 60_000;

export interface DrainOptions {
  transport?: MailTransport;
  /** The worker's clock (tests move it forward to get past a backoff). */
  now?: Date;
  batchSize?: number;
  config?: MailConfig;
  /** Test seam: template loaders by kind. */
  templates?: Parameters<typeof renderNotification>[2];
}

export interface DrainResult {
  sent: number;
  retried: number;
  dead: number;
}

interface Claimed {
  id: string;
  kind: NotificationKind;
  to_email: string;
  payload: unknown;
  attempts: number;
}

/** Exponential backoff with jitter (50-100% of the step), so failed batches don't retry in lockstep. */
export function backoffMs(attempt: number, cfg: Pick<MailConfig, "backoffBaseMs" | "backoffMaxMs">, random = Math.random): number {
  const step = Math.min(cfg.backoffMaxMs, cfg.backoffBaseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(step * (0.5 + random() * 0.5));
}

async function claim(now: Date, batchSize: number): Promise<Claimed[]> {
  const prisma = await db();
  const leaseUntil = new Date(now.getTime() + LEASE_MS);
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

async function deliver(row: Claimed, transport: MailTransport, cfg: MailConfig, opts: DrainOptions, now: Date) {
  const prisma = await db();
  try {
    const mail = await renderNotification(row.kind, row.payload, opts.templates);
    const { providerId } = await transport.send(
      { from: cfg.from, to: row.to_email, subject: mail.subject, html: mail.html, text: mail.text, headers: outboundHeaders(row) },
      { idempotencyKey: row.id },
    );
    await prisma.$executeRaw`
      UPDATE notifications SET status = 'sent', sent_at = ${new Date()}, provider_id = ${providerId},
        locked_until = NULL, last_error = NULL
      WHERE id = ${row.id}::uuid AND status = 'pending'`;
    return "sent" as const;
  } catch (e) {
    const error = `attempt ${row.attempts}: ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`.slice(0, 2000);
    const permanent = e instanceof TransportError && e.permanent;
    if (permanent || row.attempts >= cfg.maxAttempts) {
      await prisma.$executeRaw`
        UPDATE notifications SET status = 'dead', locked_until = NULL, last_error = ${error}
        WHERE id = ${row.id}::uuid AND status = 'pending'`;
      console.error(`[notifications] ${row.id} dead-lettered: ${error}`);
      return "dead" as const;
    }
    const next = new Date(now.getTime() + backoffMs(row.attempts, cfg));
    await prisma.$executeRaw`
      UPDATE notifications SET next_attempt_at = ${next}, locked_until = NULL, last_error = ${error}
      WHERE id = ${row.id}::uuid AND status = 'pending'`;
    return "retried" as const;
  }
}

/**
 * Delivers everything due at `now`, batch after batch, until nothing claimable is left. Rows
 * rescheduled on the way are due later than `now`, so one drain never spins on a failing mail.
 */
export async function drainOutbox(opts: DrainOptions = {}): Promise<DrainResult> {
  const cfg = opts.config ?? mailConfig();
  const transport = opts.transport ?? transportFromConfig(cfg);
  const now = opts.now ?? new Date();
  const result: DrainResult = { sent: 0, retried: 0, dead: 0 };
  for (;;) {
    const rows = await claim(now, opts.batchSize ?? 10);
    if (!rows.length) return result;
    for (const row of rows) result[await deliver(row, transport, cfg, opts, now)]++;
  }
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
  console.log(`[notifications] outbox worker started (transport: ${transport.name}, every ${cfg.workerIntervalMs} ms)`);
}

export function stopOutboxWorker(): void {
  if (g.__caseflowOutboxWorker) clearInterval(g.__caseflowOutboxWorker);
  g.__caseflowOutboxWorker = undefined;
}
