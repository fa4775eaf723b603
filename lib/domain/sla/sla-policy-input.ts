import type { BusinessCalendar } from "./business-time";
import type { ClockTargets } from "./clocks";
import type { PolicyConditions } from "./policies";
import type { Priority } from "../tickets/constants";

/** An SLA policy write in the domain's own words (each API maps its wire names onto this). */
export interface SlaPolicyInput {
  name?: string;
  position?: number;
  conditions?: PolicyConditions;
  /** Per priority; a missing priority or clock: that clock does not run. */
  targets?: Partial<Record<Priority, Partial<ClockTargets>>>;
  calendar?: BusinessCalendar;
  warnBeforeMinutes?: number;
}

/** The id the default policy has, stored or not (the migration seeds it with this id). */
export const DEFAULT_POLICY_ID = "00000000-0000-4000-8000-00000000d000";
export const DEFAULT_CALENDAR_ID = "00000000-0000-4000-8000-00000000c000";
