import { Prisma } from "@/lib/db/generated/client";
import { slaDueAt, warnAt, type ClockState } from "./clocks";
import type { SlaPolicy } from "./policies";

/** The ticket columns that hold a clock state (domain names, for Prisma writes). */
export function slaClockColumns(s: ClockState, policy: Pick<SlaPolicy, "warnBeforeMinutes">) {
  return {
    firstResponseDueAt: s.firstResponseDueAt,
    nextResponseDueAt: s.nextResponseDueAt,
    resolutionDueAt: s.resolutionDueAt,
    slaPausedAt: s.pausedAt,
    slaResolutionElapsed: s.resolutionElapsed,
    slaDueAt: slaDueAt(s),
    slaWarnAt: warnAt(s, policy.warnBeforeMinutes),
  };
}

/** A ticket row's clock columns back as a clock state. */
export function clockStateOf(t: {
  firstResponseDueAt: Date | null;
  nextResponseDueAt: Date | null;
  resolutionDueAt: Date | null;
  slaPausedAt: Date | null;
  slaResolutionElapsed: number;
}): ClockState {
  return {
    firstResponseDueAt: t.firstResponseDueAt,
    nextResponseDueAt: t.nextResponseDueAt,
    resolutionDueAt: t.resolutionDueAt,
    pausedAt: t.slaPausedAt,
    resolutionElapsed: t.slaResolutionElapsed,
  };
}

const time = (d: Date | null) => d?.getTime() ?? null;

export function sameClocks(a: ClockState, b: ClockState): boolean {
  return (
    time(a.firstResponseDueAt) === time(b.firstResponseDueAt) &&
    time(a.nextResponseDueAt) === time(b.nextResponseDueAt) &&
    time(a.resolutionDueAt) === time(b.resolutionDueAt) &&
    time(a.pausedAt) === time(b.pausedAt) &&
    a.resolutionElapsed === b.resolutionElapsed
  );
}

/** The same columns as an UPDATE's SET list, for writers that build their own statement. */
export function slaClockSql(s: ClockState, policy: Pick<SlaPolicy, "warnBeforeMinutes">): Prisma.Sql {
  const c = slaClockColumns(s, policy);
  return Prisma.sql`first_response_due_at = ${c.firstResponseDueAt}, next_response_due_at = ${c.nextResponseDueAt},
    resolution_due_at = ${c.resolutionDueAt}, sla_paused_at = ${c.slaPausedAt},
    sla_resolution_elapsed = ${c.slaResolutionElapsed}, sla_due_at = ${c.slaDueAt}, sla_warn_at = ${c.slaWarnAt}`;
}
