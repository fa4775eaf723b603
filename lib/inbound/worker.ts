import "@/lib/boot";
import { db } from "@/lib/db/client";
import { DomainError } from "@/lib/domain/errors";
import { backoffMs } from "@/lib/notifications/worker";
import { inboundConfig, type InboundConfig } from "./config";
import { PermanentInboundError } from "./parse-mail";
import { processMail, type MailOutcome } from "./process-mail";
import { fetchResendRaw } from "./resend-fetch";
import { onBehalfOfInboxRow } from "./subscriber";

/*
 * The inbox's processing side, shaped like the notifications outbox: rows are claimed with
 * FOR UPDATE SKIP LOCKED under a lease (attempts counted at claim time, so a message that
 * kills workers is dead-lettered rather than retried forever), failures back off
 * exponentially, and a message that cannot ever be processed is dead-lettered with the reason.
 */

const LEASE_MS = 5 * 60_000;

interface Claimed {
  id: string;
  source: string;
  provider_id: string | null;
  raw: Uint8Array | null;
  attempts: number;
  posted_message_id: string | null;
}

export interface InboxDrainResult {
  processed: number;
  ignored: number;
  retried: number;
  dead: number;
}

async function claim(now: Date, batchSize: number): Promise<Claimed[]> {
  const prisma = await db();
  const leaseUntil = new Date(now.getTime() + LEASE_MS);
  return prisma.$queryRaw<Claimed[]>`
    WITH c AS (
      SELECT id FROM inbound_emails
      WHERE status = 'pending' AND next_attempt_at <= ${now}
        AND (locked_until IS NULL OR locked_until <= ${now})
      ORDER BY next_attempt_at, id
      LIMIT ${batchSize}
      FOR UPDATE SKIP LOCKED
    )
    UPDATE inbound_emails e SET locked_until = ${leaseUntil}, attempts = e.attempts + 1
    FROM c WHERE e.id = c.id
    RETURNING e.id::text AS id, e.source, e.provider_id, e.raw, e.attempts, e.posted_message_id::text AS posted_message_id`;
}

async function handle(row: Claimed, cfg: InboundConfig, now: Date): Promise<keyof InboxDrainResult> {
  const prisma = await db();
  try {
    if (row.posted_message_id) {
      // An earlier attempt posted the message and died before recording it: done already.
      await prisma.inboundEmail.updateMany({
        where: { id: row.id, status: "pending" },
        data: { status: "processed", outcome: "posted by an earlier attempt", lockedUntil: null, processedAt: new Date() },
      });
      return "processed";
    }
    let raw = row.raw;
    if (!raw) {
      if (!row.provider_id) throw new PermanentInboundError("no raw message and no provider id to fetch it with");
      raw = await fetchResendRaw(row.provider_id, cfg);
      // Kept at once: the original stays viewable, and a retry does not fetch it again.
      await prisma.inboundEmail.update({ where: { id: row.id }, data: { raw: Buffer.from(raw) } });
    }
    const source = raw;
    const r: MailOutcome = await onBehalfOfInboxRow(row.id, () => processMail(source, { id: row.id, now }, cfg));
    await prisma.inboundEmail.updateMany({
      where: { id: row.id, status: "pending" },
      data: {
        status: r.status,
        outcome: r.outcome,
        fromEmail: r.fromEmail,
        subject: r.subject,
        ticketId: r.ticketId ?? null,
        postedMessageId: r.postedMessageId ?? null,
        lockedUntil: null,
        lastError: null,
        processedAt: new Date(),
      },
    });
    return r.status;
  } catch (e) {
    const error = `attempt ${row.attempts}: ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`.slice(0, 2000);
    // A domain refusal (no such ticket, blank body) or an unparseable message cannot succeed later.
    const permanent = e instanceof PermanentInboundError || e instanceof DomainError;
    if (permanent || row.attempts >= cfg.maxAttempts) {
      await prisma.inboundEmail.updateMany({
        where: { id: row.id, status: "pending" },
        data: { status: "dead", lockedUntil: null, lastError: error, processedAt: new Date() },
      });
      console.error(`[inbound] ${row.id} dead-lettered: ${error}`);
      return "dead";
    }
    await prisma.inboundEmail.updateMany({
      where: { id: row.id, status: "pending" },
      data: { nextAttemptAt: new Date(now.getTime() + backoffMs(row.attempts, cfg)), lockedUntil: null, lastError: error },
    });
    return "retried";
  }
}

/** Processes everything due at `now`; rows rescheduled on the way wait for a later drain. */
export async function drainInbox(opts: { now?: Date; batchSize?: number; config?: InboundConfig } = {}): Promise<InboxDrainResult> {
  const cfg = opts.config ?? inboundConfig();
  const now = opts.now ?? new Date();
  const result: InboxDrainResult = { processed: 0, ignored: 0, retried: 0, dead: 0 };
  for (;;) {
    const rows = await claim(now, opts.batchSize ?? 10);
    if (!rows.length) return result;
    for (const row of rows) result[await handle(row, cfg, now)]++;
  }
}

const g = globalThis as unknown as { __caseflowInboxWorker?: NodeJS.Timeout };

export function startInboxWorker(): void {
  if (g.__caseflowInboxWorker) return;
  const cfg = inboundConfig();
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await drainInbox({ config: cfg });
    } catch (e) {
      console.error("[inbound] inbox drain failed; retrying next tick", e);
    } finally {
      running = false;
    }
  };
  g.__caseflowInboxWorker = setInterval(tick, cfg.workerIntervalMs);
  g.__caseflowInboxWorker.unref?.();
}

export function stopInboxWorker(): void {
  if (g.__caseflowInboxWorker) clearInterval(g.__caseflowInboxWorker);
  g.__caseflowInboxWorker = undefined;
}
