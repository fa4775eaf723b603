import type { Prisma } from "@/lib/db/generated/client";
import type { BusinessCalendar } from "./business-time";
import type { PolicyTargets } from "./clocks";
import { builtInDefaultPolicy, type PolicyConditions, type SlaPolicy } from "./policies";

type Tx = Prisma.TransactionClient;

export const slaPolicySelect = {
  id: true,
  name: true,
  position: true,
  isDefault: true,
  conditions: true,
  targets: true,
  warnBeforeMinutes: true,
  createdAt: true,
  updatedAt: true,
  calendar: { select: { id: true, timeZone: true, week: true, holidays: true } },
} satisfies Prisma.SlaPolicySelect;

export type SlaPolicyRow = Prisma.SlaPolicyGetPayload<{ select: typeof slaPolicySelect }>;

/** A stored calendar's columns as a calendar (the JSON was validated when it was written). */
export function toCalendar(c: { timeZone: string; week: unknown; holidays: unknown }): BusinessCalendar {
  return { timeZone: c.timeZone, week: (c.week ?? null) as BusinessCalendar["week"], holidays: (c.holidays ?? []) as BusinessCalendar["holidays"] };
}

export function toPolicy(r: SlaPolicyRow): SlaPolicy {
  return {
    id: r.id,
    name: r.name,
    position: r.position,
    isDefault: r.isDefault,
    conditions: (r.conditions ?? {}) as PolicyConditions,
    targets: r.targets as unknown as PolicyTargets,
    calendar: toCalendar(r.calendar),
    warnBeforeMinutes: r.warnBeforeMinutes,
  };
}

/** Every policy in matching order, with the built-in default when no default is stored. */
export async function loadSlaPolicies(tx: Tx): Promise<SlaPolicy[]> {
  const rows = await tx.slaPolicy.findMany({ select: slaPolicySelect, orderBy: [{ position: "asc" }, { name: "asc" }] });
  const policies = rows.map(toPolicy);
  return policies.some((p) => p.isDefault) ? policies : [...policies, builtInDefaultPolicy()];
}
