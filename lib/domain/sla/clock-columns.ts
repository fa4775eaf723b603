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
