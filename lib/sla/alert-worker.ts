import { randomUUID } from "node:crypto";
import { Prisma } from "@/lib/db/generated/client";
import { db } from "@/lib/db/client";
import { withTransaction } from "@/lib/db/transaction";
import { dueAlerts, type Alert, type ClockName } from "@/lib/domain/sla/sla-alerts";
import { enqueueSlaNotification } from "@/lib/notifications/enqueue-notifications";

/*
 * SLA warnings and breaches, announced in the timeline (internal `sla_warning` / `sla_breached`
 * events). Tickets are found through the index on sla_warn_at (`WHERE sla_warn_at <= now`,
 * set by the clock writers and moved on here) and claimed FOR NO KEY UPDATE SKIP LOCKED, so
 * several workers in several instances share the work without waiting on each other. Each
 * announcement is also a row in sla_alerts under a unique key (ticket, clock, kind, due
 * time): it happens exactly once, and the event is written only when that row was new, in
 * the same transaction, together with its emails in the outbox (sla_warning to the assignee or
 * the team; sla_breached to them and the admins).
 */

interface Row {
  id: string;
  first_response_due_at: Date | null;
  next_response_due_at: Date | null;
  resolution_due_at: Date | null;
  warn_before_minutes: number | null;
}

export interface SlaAlertRun {
  /** Tickets looked at (a full batch means there may be more). */
  tickets: number;
  warned: number;
  breached: number;
}

export async function runSlaAlerts(opts: { now?: Date; batchSize?: number } = {}): Promise<SlaAlertRun> {
  const now = opts.now ?? new Date();
  const size = opts.batchSize ?? 100;
  const prisma = await db();
  return withTransaction(prisma, async (tx) => {
    const out: SlaAlertRun = { tickets: 0, warned: 0, breached: 0 };
    const rows = await tx.$queryRaw<Row[]>`
      SELECT t.id::text, t.first_response_due_at, t.next_response_due_at, t.resolution_due_at, p.warn_before_minutes
      FROM tickets t LEFT JOIN sla_policies p ON p.id = t.sla_policy_id
      WHERE t.sla_warn_at <= ${now} AND t.sla_paused_at IS NULL
        AND t.status IN ('new', 'assigned', 'in_progress', 'pending')
      ORDER BY t.sla_warn_at
      LIMIT ${size}
      FOR NO KEY UPDATE OF t SKIP LOCKED`;
    out.tickets = rows.length;
    if (!rows.length) return out;
    const announced = await tx.slaAlert.findMany({ where: { ticketId: { in: rows.map((r) => r.id) } }, select: { ticketId: true, clock: true, kind: true, dueAt: true } });
    for (const r of rows) {
      const mine = announced.filter((a) => a.ticketId === r.id) as unknown as Alert[];
      const clocks: Record<ClockName, Date | null> = {
        first_response: r.first_response_due_at,
        next_response: r.next_response_due_at,
        resolution: r.resolution_due_at,
      };
      const { alerts, nextAt } = dueAlerts(clocks, r.warn_before_minutes ?? 60, mine, now);
      for (const a of alerts) {
        const inserted = await tx.$executeRaw`
          INSERT INTO sla_alerts (id, ticket_id, clock, kind, due_at, created_at)
          VALUES (${randomUUID()}::uuid, ${r.id}::uuid, ${a.clock}, ${a.kind}, ${a.dueAt}, ${now})
          ON CONFLICT DO NOTHING`;
        if (!inserted) continue;
        const type = a.kind === "warning" ? "sla_warning" : "sla_breached";
        await tx.$executeRaw`
          INSERT INTO events (id, ticket_id, actor_id, type, is_internal, data, created_at)
          VALUES (${randomUUID()}::uuid, ${r.id}::uuid, NULL, ${type}::"EventType", true,
                  ${JSON.stringify({ clock: a.clock, due_at: a.dueAt.toISOString() })}::jsonb, ${now})`;
        await enqueueSlaNotification(tx, { ticketId: r.id, kind: a.kind, clock: a.clock, dueAt: a.dueAt, now });
        if (a.kind === "warning") out.warned++;
        else out.breached++;
      }
      await tx.$executeRaw(Prisma.sql`UPDATE tickets SET sla_warn_at = ${nextAt} WHERE id = ${r.id}::uuid`);
    }
    return out;
  });
}

const g = globalThis as unknown as { __caseflowSlaAlerts?: NodeJS.Timeout };

/** The in-process loop of an app instance: one run at a time, every SLA_ALERTS_INTERVAL_MS (30 s). */
export function startSlaAlertWorker(): void {
  if (g.__caseflowSlaAlerts) return;
  const every = Number(process.env.SLA_ALERTS_INTERVAL_MS) > 0 ? Number(process.env.SLA_ALERTS_INTERVAL_MS) : 30_000;
  let running = false;
  g.__caseflowSlaAlerts = setInterval(async () => {
    if (running) return;
    running = true;
    try {
      const batchSize = 100;
      while ((await runSlaAlerts({ batchSize })).tickets === batchSize) {
        // a full batch: there may be more due right now
      }
    } catch (e) {
      console.error("[sla] alert run failed; retrying next tick", e);
    } finally {
      running = false;
    }
  }, every);
  g.__caseflowSlaAlerts.unref?.();
}

export function stopSlaAlertWorker(): void {
  if (g.__caseflowSlaAlerts) clearInterval(g.__caseflowSlaAlerts);
  g.__caseflowSlaAlerts = undefined;
}
