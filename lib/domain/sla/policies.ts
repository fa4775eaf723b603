import type { Channel } from "@/lib/db/generated/client";
import { PRIORITIES, type Priority } from "../tickets/constants";
import type { BusinessCalendar } from "./business-time";
import type { ClockRules, PolicyTargets } from "./clocks";

/**
 * SLA policies as data: the first policy (by position) whose conditions all match a ticket
 * applies, and the default policy matches everything. Without a stored default (an empty
 * database), the built-in one stands in: 24/7, resolution only, SLA_HOURS_<PRIORITY> or
 * urgent 4 h / high 8 h / medium 24 h / low 72 h, exactly what tickets got before policies.
 */

/** Every listed field must match; a field's list matches when it contains the ticket's value. */
export interface PolicyConditions {
  priority?: Priority[];
  category?: string[];
  channel?: Channel[];
  teamId?: string[];
  companyId?: string[];
}

export interface SlaPolicy {
  /** null: the built-in default (no row). */
  id: string | null;
  name: string;
  position: number;
  isDefault: boolean;
  conditions: PolicyConditions;
  targets: PolicyTargets;
  calendar: BusinessCalendar;
  warnBeforeMinutes: number;
}

/** What policy matching looks at. */
export interface PolicySubject {
  priority: Priority;
  category: string;
  channel: Channel;
  assignedTeamId: string | null;
  companyId: string | null;
}

const DEFAULT_SLA_HOURS: Record<Priority, number> = { urgent: 4, high: 8, medium: 24, low: 72 };

export function slaHours(priority: Priority, env: NodeJS.ProcessEnv = process.env): number {
  const raw = Number(env[`SLA_HOURS_${priority.toUpperCase()}`]);
  return Number.isFinite(raw) && raw > 0 ? raw : DEFAULT_SLA_HOURS[priority];
}

export function builtInDefaultPolicy(env: NodeJS.ProcessEnv = process.env): SlaPolicy {
  const targets = Object.fromEntries(
    PRIORITIES.map((p) => [p, { firstResponse: null, nextResponse: null, resolution: slaHours(p, env) * 60 }]),
  ) as PolicyTargets;
  return {
    id: null,
    name: "Default",
    position: 2147483647,
    isDefault: true,
    conditions: {},
    targets,
    calendar: { timeZone: "UTC", week: null, holidays: [] },
    warnBeforeMinutes: 60,
  };
}

export function policyMatches(c: PolicyConditions, t: PolicySubject): boolean {
  const ok = <T>(list: T[] | undefined, v: T | null) => !list?.length || (v != null && list.includes(v));
  return ok(c.priority, t.priority) && ok(c.category, t.category) && ok(c.channel, t.channel) && ok(c.teamId, t.assignedTeamId) && ok(c.companyId, t.companyId);
}

/** The policy in force for a ticket: the first non-default match, else the default. */
export function matchPolicy(policies: SlaPolicy[], t: PolicySubject): SlaPolicy {
  const ordered = [...policies].sort((a, b) => a.position - b.position || a.name.localeCompare(b.name));
  return ordered.find((p) => !p.isDefault && policyMatches(p.conditions, t)) ?? ordered.find((p) => p.isDefault) ?? builtInDefaultPolicy();
}

export function rulesFor(policy: Pick<SlaPolicy, "targets" | "calendar">, priority: Priority): ClockRules {
  return { targets: policy.targets[priority], calendar: policy.calendar };
}
