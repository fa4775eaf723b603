import type { ListedSlaPolicy } from "@/lib/domain/sla/list-sla-policies";
import type { SlaPolicyInput } from "@/lib/domain/sla/sla-policy-input";
import { PRIORITIES, type Priority } from "@/lib/domain/tickets/constants";
import type { SlaPolicyCreate, SlaPolicyUpdate } from "./sla-policy-schemas";
import { iso } from "@/lib/time/iso";

/** Wire names of the SLA policy fields whose domain names differ (for 400 bodies). */
export const SLA_POLICY_FIELD_NAMES: Readonly<Record<string, string>> = { warnBeforeMinutes: "warn_before_minutes" };

export function toSlaPolicyInput(w: SlaPolicyCreate | SlaPolicyUpdate): SlaPolicyInput {
  const c = w.conditions;
  return {
    name: w.name,
    position: w.position,
    warnBeforeMinutes: w.warn_before_minutes,
    conditions: c && { priority: c.priority, category: c.category, channel: c.channel, teamId: c.team, companyId: c.company },
    targets:
      w.targets &&
      Object.fromEntries(
        Object.entries(w.targets).map(([p, t]) => [p, { firstResponse: t?.first_response ?? null, nextResponse: t?.next_response ?? null, resolution: t?.resolution ?? null }]),
      ),
    calendar: w.calendar && {
      timeZone: w.calendar.time_zone,
      week: w.calendar.weekly_hours ?? null,
      holidays: (w.calendar.holidays ?? []).map((h) => ({ date: h.date, recurring: h.recurring ?? false })),
    },
  };
}

export function serializeSlaPolicy(p: ListedSlaPolicy) {
  const c = p.conditions;
  const conditions = Object.fromEntries(
    Object.entries({ priority: c.priority, category: c.category, channel: c.channel, team: c.teamId, company: c.companyId }).filter(([, v]) => v?.length),
  );
  return {
    id: p.id,
    name: p.name,
    position: p.isDefault ? null : p.position,
    is_default: p.isDefault,
    conditions,
    targets: Object.fromEntries(
      PRIORITIES.map((pr: Priority) => {
        const t = p.targets[pr];
        return [pr, { first_response: t?.firstResponse ?? null, next_response: t?.nextResponse ?? null, resolution: t?.resolution ?? null }];
      }),
    ),
    calendar: {
      time_zone: p.calendar.timeZone,
      weekly_hours: p.calendar.week,
      holidays: p.calendar.holidays.map((h) => ({ date: h.date, recurring: h.recurring ?? false })),
    },
    warn_before_minutes: p.warnBeforeMinutes,
    created_at: iso(p.createdAt),
    updated_at: iso(p.updatedAt),
  };
}
