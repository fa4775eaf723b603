import type { Priority } from "@/lib/db/generated/client";

/** Severity order of priorities; stored as tickets.priority_rank for ordering by severity. */
export const PRIORITY_RANK: Record<Priority, number> = { low: 1, medium: 2, high: 3, urgent: 4 };

/**
 * Default resolution targets by priority, applied when a ticket is created without an
 * explicit `sla_due_at`. Hours; override with SLA_HOURS_<PRIORITY> (e.g. SLA_HOURS_URGENT=2).
 */
const DEFAULT_SLA_HOURS: Record<Priority, number> = { urgent: 4, high: 8, medium: 24, low: 72 };

export function slaHours(priority: Priority, env: NodeJS.ProcessEnv = process.env): number {
  const raw = Number(env[`SLA_HOURS_${priority.toUpperCase()}`]);
  return Number.isFinite(raw) && raw > 0 ? raw : DEFAULT_SLA_HOURS[priority];
}

export function defaultSlaDueAt(priority: Priority, from: Date): Date {
  return new Date(from.getTime() + slaHours(priority) * 3_600_000);
}

/**
 * Category → team routing used when a ticket is created without an assignee (the CRM seed's
 * "assigned_team auto-set based on category"). Unknown categories go to Support.
 */
export const CATEGORY_TEAMS: Record<string, string> = {
  technical: "Tech",
  billing: "Finance",
  sales: "Sales",
  account: "Support",
  shipping: "Support",
  general: "Support",
};
export const DEFAULT_TEAM = "Support";

/**
 * Team of an assignee who belongs to no team, by role (the CRM seed's "assigned_team from
 * user.role"). A user's own team, when set, wins.
 */
export const ROLE_TEAMS: Partial<Record<string, string>> = {
  customer_service: "Support",
  sales_manager: "Sales",
  admin: "Admin",
  super_admin: "Admin",
};

export function teamForCategory(category: string): string {
  return CATEGORY_TEAMS[category.trim().toLowerCase()] ?? DEFAULT_TEAM;
}
