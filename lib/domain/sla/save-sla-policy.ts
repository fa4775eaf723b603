import type { Prisma } from "@/lib/db/generated/client";
import { db } from "@/lib/db/client";
import { withTransaction } from "@/lib/db/transaction";
import { recordAudit, type RequestOrigin } from "../audit/record-audit";
import type { Actor } from "../actor";
import { NotFoundError, ValidationError } from "../errors";
import { assertCan } from "../policy";
import { PRIORITIES } from "../tickets/constants";
import { calendarProblems, type BusinessCalendar } from "./business-time";
import type { PolicyTargets } from "./clocks";
import { getSlaPolicy } from "./list-sla-policies";
import { loadSlaPolicies } from "./load-policies";
import { builtInDefaultPolicy, type PolicyConditions } from "./policies";
import { recomputeSlaClocks } from "./recompute-sla-clocks";
import { DEFAULT_CALENDAR_ID, DEFAULT_POLICY_ID, type SlaPolicyInput } from "./sla-policy-input";

type Tx = Prisma.TransactionClient;

function fullTargets(t: SlaPolicyInput["targets"] = {}): PolicyTargets {
  return Object.fromEntries(
    PRIORITIES.map((p) => [p, { firstResponse: t[p]?.firstResponse ?? null, nextResponse: t[p]?.nextResponse ?? null, resolution: t[p]?.resolution ?? null }]),
  ) as PolicyTargets;
}

function checkCalendar(cal: BusinessCalendar) {
  const problems = calendarProblems(cal);
  if (problems.length) throw new ValidationError({ calendar: problems });
}

async function checkName(tx: Tx, name: string, self?: string) {
  const other = await tx.slaPolicy.findFirst({ where: { name, ...(self ? { id: { not: self } } : {}) }, select: { id: true } });
  if (other) throw ValidationError.field("name", "An SLA policy with this name already exists.");
}

/** The default policy as a row, written from the built-in one the first time it is needed. */
export async function ensureDefaultPolicy(tx: Tx) {
  if (await tx.slaPolicy.findFirst({ where: { isDefault: true }, select: { id: true } })) return;
  const d = builtInDefaultPolicy();
  await tx.slaCalendar.upsert({ where: { id: DEFAULT_CALENDAR_ID }, create: { id: DEFAULT_CALENDAR_ID, timeZone: "UTC", holidays: [] }, update: {} });
  await tx.slaPolicy.create({
    data: { id: DEFAULT_POLICY_ID, name: d.name, position: d.position, isDefault: true, conditions: {}, targets: d.targets as object, calendarId: DEFAULT_CALENDAR_ID, warnBeforeMinutes: d.warnBeforeMinutes },
  });
}

const empty = (c: PolicyConditions) => Object.values(c).every((v) => !v?.length);

/** Admins add a policy; open tickets are matched again afterwards. */
export async function createSlaPolicy(actor: Actor, input: SlaPolicyInput & { name: string }, origin: RequestOrigin | null = null) {
  assertCan(actor, "sla-policy:manage", {}, "Only admins can manage SLA policies.");
  const calendar: BusinessCalendar = input.calendar ?? { timeZone: "UTC", week: null, holidays: [] };
  checkCalendar(calendar);
  const prisma = await db();
  const { id, before } = await withTransaction(prisma, async (tx) => {
    await ensureDefaultPolicy(tx);
    await checkName(tx, input.name);
    const before = await loadSlaPolicies(tx);
    const row = await tx.slaPolicy.create({
      data: {
        name: input.name,
        position: input.position ?? 0,
        conditions: (input.conditions ?? {}) as object,
        targets: fullTargets(input.targets) as object,
        warnBeforeMinutes: input.warnBeforeMinutes ?? 60,
        calendar: { create: { timeZone: calendar.timeZone, week: (calendar.week ?? undefined) as object | undefined, holidays: calendar.holidays as object[] } },
      },
      select: { id: true },
    });
    await recordAudit(tx, { actor, action: "sla_policy.created", targetType: "sla_policy", targetId: row.id, summary: `Created SLA policy "${input.name}"`, changes: auditedFields(input), origin });
    return { id: row.id, before };
  });
  await recomputeSlaClocks(before);
  return getSlaPolicy(actor, id);
}

/** Admins edit a policy (the default one too, but not its conditions); open tickets follow. */
export async function updateSlaPolicy(actor: Actor, id: string, input: SlaPolicyInput, origin: RequestOrigin | null = null) {
  assertCan(actor, "sla-policy:manage", {}, "Only admins can manage SLA policies.");
  if (input.calendar) checkCalendar(input.calendar);
  const prisma = await db();
  const before = await withTransaction(prisma, async (tx) => {
    if (id === DEFAULT_POLICY_ID) await ensureDefaultPolicy(tx);
    const cur = await tx.slaPolicy.findUnique({ where: { id }, select: { id: true, isDefault: true, calendarId: true, targets: true } });
    if (!cur) throw new NotFoundError();
    if (cur.isDefault && input.conditions && !empty(input.conditions)) {
      throw ValidationError.field("conditions", "The default policy applies to every ticket no other policy matches; it has no conditions.");
    }
    if (input.name !== undefined) await checkName(tx, input.name, id);
    const before = await loadSlaPolicies(tx);
    if (input.calendar) {
      const c = input.calendar;
      await tx.slaCalendar.update({ where: { id: cur.calendarId }, data: { timeZone: c.timeZone, week: (c.week ?? null) as object, holidays: c.holidays as object[], updatedAt: new Date() } });
    }
    // Targets given per priority replace that priority's targets; the others stay.
    const targets = input.targets ? { ...(cur.targets as object), ...fullTargetsOnly(input.targets) } : undefined;
    const updated = await tx.slaPolicy.update({
      where: { id },
      data: {
        name: input.name,
        position: cur.isDefault ? undefined : input.position,
        conditions: input.conditions as object | undefined,
        targets: targets as object | undefined,
        warnBeforeMinutes: input.warnBeforeMinutes,
        updatedAt: new Date(),
      },
      select: { name: true },
    });
    await recordAudit(tx, { actor, action: "sla_policy.updated", targetType: "sla_policy", targetId: id, summary: `Edited SLA policy "${updated.name}"`, changes: auditedFields(input), origin });
    return before;
  });
  await recomputeSlaClocks(before);
  return getSlaPolicy(actor, id);
}

/** What an edit set, in the domain's words, for the audit log (the given fields only). */
function auditedFields(input: SlaPolicyInput): Record<string, unknown> {
  return JSON.parse(JSON.stringify(input)) as Record<string, unknown>;
}

function fullTargetsOnly(t: NonNullable<SlaPolicyInput["targets"]>): Partial<PolicyTargets> {
  const all = fullTargets(t);
  return Object.fromEntries(Object.keys(t).map((p) => [p, all[p as keyof PolicyTargets]]));
}
