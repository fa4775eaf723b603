/**
 * Next's startup hook. Each Node.js app instance drains the notification outbox itself; with
 * several instances on one PostgreSQL they share the work (rows are claimed with SKIP LOCKED).
 * NOTIFICATIONS_WORKER=off runs an instance without it (e.g. a dedicated worker elsewhere).
 * Every instance also sweeps expired Idempotency-Key rows (cheap, and safe to run in parallel).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // `next build` loads this file too; a build must not start background work.
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { startIdempotencySweeper } = await import("./lib/api/idempotency-store");
  startIdempotencySweeper();
  // Received mail (lib/inbound/worker.ts): same sharing across instances as the outbox.
  if (process.env.INBOUND_WORKER !== "off") {
    const { startInboxWorker } = await import("./lib/inbound/worker");
    startInboxWorker();
  }
  // SLA warnings and breaches (lib/sla/alert-worker.ts): SKIP LOCKED, safe on every instance.
  if (process.env.SLA_ALERTS_WORKER !== "off") {
    const { startSlaAlertWorker } = await import("./lib/sla/alert-worker");
    startSlaAlertWorker();
  }
  if (process.env.NOTIFICATIONS_WORKER === "off") return;
  const { startOutboxWorker } = await import("./lib/notifications/worker");
  startOutboxWorker();
}
