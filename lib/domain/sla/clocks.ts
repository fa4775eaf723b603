import { isTerminal, type Priority, type Status } from "../tickets/constants";
import { addBusinessMinutes, businessMinutesBetween, type BusinessCalendar } from "./business-time";

/**
 * SLA clocks as pure decisions: given a ticket's clock state and what happened, the clock
 * state it has next. No database and no clock: writers read the row under its lock, ask
 * here, and write what comes back.
 *
 *   event                          | first response | next response            | resolution
 *   -------------------------------|----------------|--------------------------|--------------------------------
 *   created (open)                 | starts         | -                        | starts
 *   created pending / terminal     | as open, then paused / nothing runs
 *   agent public reply             | stops (met)    | stops (met)              | -
 *   customer public reply          | -              | starts once the first    | -
 *                                  |                | response was given,      |
 *                                  |                | unless already running   |
 *   -> pending                     | all running clocks pause (due times frozen as of the pause)
 *   pending -> open / customer     | all paused clocks resume: due = now + what was left
 *   reply while paused             |                                                                  |
 *   -> resolved / closed           | stop           | stop                     | stops; elapsed business time kept
 *   resolved/closed -> open        | -              | -                        | restarts: due = now + target - elapsed
 *   retarget (priority or policy)  | each running (or paused) clock keeps what it has used and gets the new target
 *
 * sla_due_at is the earliest due time of the running clocks (NULL while paused).
 */

export interface ClockTargets {
  /** Business minutes; null: this clock does not run under the policy. */
  firstResponse: number | null;
  nextResponse: number | null;
  resolution: number | null;
}

export type PolicyTargets = Record<Priority, ClockTargets>;

export interface ClockState {
  firstResponseDueAt: Date | null;
  nextResponseDueAt: Date | null;
  resolutionDueAt: Date | null;
  /** When the running clocks were paused; their due times are frozen as of then. */
  pausedAt: Date | null;
  /** Business minutes the resolution clock had used when it last stopped. */
  resolutionElapsed: number;
}

/** Targets and calendar of the policy in force. */
export interface ClockRules {
  targets: ClockTargets;
  calendar: BusinessCalendar;
}

export const NO_CLOCKS: ClockState = {
  firstResponseDueAt: null,
  nextResponseDueAt: null,
  resolutionDueAt: null,
  pausedAt: null,
  resolutionElapsed: 0,
};

const DUE_KEYS = ["firstResponseDueAt", "nextResponseDueAt", "resolutionDueAt"] as const;
type DueKey = (typeof DUE_KEYS)[number];
const TARGET_OF: Record<DueKey, keyof ClockTargets> = {
  firstResponseDueAt: "firstResponse",
  nextResponseDueAt: "nextResponse",
  resolutionDueAt: "resolution",
};

function due(at: Date, minutes: number | null, cal: BusinessCalendar): Date | null {
  return minutes == null ? null : addBusinessMinutes(at, Math.max(0, minutes), cal);
}

/** The instant the running clocks' due times are measured from: now, or the pause's start. */
function reference(s: ClockState, at: Date): Date {
  return s.pausedAt ?? at;
}

/** Business minutes a clock due at `d` still had at `ref` (negative once breached). */
function remaining(d: Date, ref: Date, cal: BusinessCalendar): number {
  return businessMinutesBetween(ref, d, cal);
}

/** A new ticket's clocks. */
export function startClocks(status: Status, rules: ClockRules, at: Date): ClockState {
  if (isTerminal(status)) return { ...NO_CLOCKS };
  const s: ClockState = {
    ...NO_CLOCKS,
    firstResponseDueAt: due(at, rules.targets.firstResponse, rules.calendar),
    resolutionDueAt: due(at, rules.targets.resolution, rules.calendar),
  };
  return status === "pending" ? pause(s, at) : s;
}

function pause(s: ClockState, at: Date): ClockState {
  return s.pausedAt ? s : { ...s, pausedAt: at };
}

/** Paused clocks run again from `at` with what they had left (a breached clock stays breached). */
function resume(s: ClockState, rules: ClockRules, at: Date): ClockState {
  if (!s.pausedAt) return s;
  const out: ClockState = { ...s, pausedAt: null };
  for (const k of DUE_KEYS) {
    const d = s[k];
    if (!d) continue;
    const left = remaining(d, s.pausedAt, rules.calendar);
    out[k] = left > 0 ? addBusinessMinutes(at, left, rules.calendar) : d;
  }
  return out;
}

/** An agent's public reply answers the customer: the response clocks are met. */
export function onAgentReplyClocks(s: ClockState): ClockState {
  return { ...s, firstResponseDueAt: null, nextResponseDueAt: null };
}

/**
 * A customer's public reply: resumes paused clocks, and once the first response was given,
 * asks for a next response (an earlier running next-response clock keeps its due time).
 * A reply that reopens a resolved ticket is a status change too: apply that first.
 */
export function onCustomerReplyClocks(s: ClockState, ctx: { status: Status; firstResponded: boolean }, rules: ClockRules, at: Date): ClockState {
  if (isTerminal(ctx.status)) return s;
  const r = resume(s, rules, at);
  if (!ctx.firstResponded || r.nextResponseDueAt) return r;
  return { ...r, nextResponseDueAt: due(at, rules.targets.nextResponse, rules.calendar) };
}

/** A status change from `from` to `to`. */
export function onStatusClocks(s: ClockState, from: Status, to: Status, rules: ClockRules, at: Date): ClockState {
  if (from === to) return s;
  if (isTerminal(to)) {
    if (isTerminal(from)) return s;
    const ref = reference(s, at);
    const elapsed =
      s.resolutionDueAt && rules.targets.resolution != null
        ? rules.targets.resolution - remaining(s.resolutionDueAt, ref, rules.calendar)
        : s.resolutionElapsed;
    return { ...NO_CLOCKS, resolutionElapsed: Math.max(0, elapsed) };
  }
  if (isTerminal(from)) {
    // Reopened: the resolution clock goes on from where it stopped.
    const t = rules.targets.resolution;
    const restarted: ClockState = { ...s, pausedAt: null, resolutionDueAt: t == null ? null : due(at, t - s.resolutionElapsed, rules.calendar) };
    return to === "pending" ? pause(restarted, at) : restarted;
  }
  if (to === "pending") return pause(s, at);
  if (from === "pending") return resume(s, rules, at);
  return s;
}

/**
 * New targets or a new calendar (priority change, another policy, a policy edit): each
 * clock that runs (or is paused) keeps the business time it has used and is measured
 * against the new target; a stopped resolution clock keeps its elapsed time.
 */
export function retargetClocks(s: ClockState, prev: ClockRules, next: ClockRules, at: Date): ClockState {
  const ref = reference(s, at);
  const out: ClockState = { ...s };
  for (const k of DUE_KEYS) {
    const d = s[k];
    if (!d) continue;
    const oldTarget = prev.targets[TARGET_OF[k]];
    const newTarget = next.targets[TARGET_OF[k]];
    if (newTarget == null) {
      out[k] = null;
      continue;
    }
    const used = oldTarget == null ? 0 : oldTarget - remaining(d, ref, prev.calendar);
    // Already past the new target: breached when it was, or now if it was not yet.
    out[k] = newTarget - used > 0 ? due(ref, newTarget - used, next.calendar) : d < ref ? d : ref;
  }
  return out;
}

/** sla_due_at: the next breach among the running clocks; none while paused. */
export function slaDueAt(s: ClockState): Date | null {
  if (s.pausedAt) return null;
  const times = DUE_KEYS.map((k) => s[k]).filter((d): d is Date => d != null);
  return times.length ? new Date(Math.min(...times.map((d) => d.getTime()))) : null;
}

/** When the warning worker should look at the ticket: `warnBefore` minutes before sla_due_at. */
export function warnAt(s: ClockState, warnBeforeMinutes: number): Date | null {
  const d = slaDueAt(s);
  return d ? new Date(d.getTime() - warnBeforeMinutes * 60_000) : null;
}
