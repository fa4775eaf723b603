import type { Priority } from "@/lib/db/generated/client";

/**
 * Default resolution targets by priority, applied when a ticket is created without an
 * explicit SLA due time. Hours; override with SLA_HOURS_<PRIORITY> (e.g. SLA_HOURS_URGENT=2).
 */
const DEFAULT_SLA_HOURS: Record<Priority, number> = { urgent: 4, high: 8, medium: 24, low: 72 };

export function slaHours(priority: Priority, env: NodeJS.ProcessEnv = process.env): number {
  const raw = Number(env[`SLA_HOURS_${priority.toUpperCase()}`]);
  return Number.isFinite(raw) && raw > 0 ? raw : DEFAULT_SLA_HOURS[priority];
}

export function defaultSlaDueAt(priority: Priority, from: Date): Date {
  return new Date(from.getTime() + slaHours(priority) * 3_600_000);
}
