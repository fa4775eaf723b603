import type { Prisma, TicketStatus } from "@/lib/db/generated/client";
import { isTerminal } from "../tickets/constants";
import { clockStateOf, sameClocks, slaClockColumns } from "./clock-columns";
import { addBusinessMinutes } from "./business-time";
import { onStatusClocks, retargetClocks, type ClockState } from "./clocks";
import { loadSlaPolicies } from "./load-policies";
import { builtInDefaultPolicy, matchPolicy, rulesFor, type PolicySubject, type SlaPolicy } from "./policies";

type ClockRow = PolicySubject & {
  status: TicketStatus;
  createdAt: Date;
  firstResponseAt: Date | null;
  slaPolicyId: string | null;
  firstResponseDueAt: Date | null;
  nextResponseDueAt: Date | null;
  resolutionDueAt: Date | null;
  slaPausedAt: Date | null;
  slaResolutionElapsed: number;
};

const SUBJECT_FIELDS = ["priority", "category", "channel", "assignedTeamId", "companyId"] as const;

/**
 * The clock columns after an agent edit of `cur` into `next` (status, priority and the fields
 * policies match on), or null when the clocks stay as they are. A change of what policies
 * match on may move the ticket to another policy; the clocks keep the business time they
 * have used. Runs in the edit's transaction, on the row read under its lock.
 */
export async function reclockOnUpdate(tx: Prisma.TransactionClient, cur: ClockRow, next: PolicySubject & { status: TicketStatus }, at: Date) {
  const subjectChanged = SUBJECT_FIELDS.some((f) => cur[f] !== next[f]);
  if (!subjectChanged && cur.status === next.status) return null;
  const policies = await loadSlaPolicies(tx);
  const prev = policies.find((p) => p.id === cur.slaPolicyId) ?? builtInDefaultPolicy();
  const policy = subjectChanged ? matchPolicy(policies, next) : prev;
  const before = clockStateOf(cur);
  const clocks = moveClocks(before, { prev, policy, from: cur, to: next }, at);
  if (sameClocks(clocks, before) && policy.id === cur.slaPolicyId) return null;
  return { ...slaClockColumns(clocks, policy), slaPolicyId: policy.id };
}

/** Retarget (new policy or priority), then the status transition under the new rules. */
export function moveClocks(
  s: ClockState,
  m: { prev: SlaPolicy; policy: SlaPolicy; from: ClockRow | (PolicySubject & { status: TicketStatus }); to: PolicySubject & { status: TicketStatus } },
  at: Date,
): ClockState {
  let out = s;
  if (m.policy !== m.prev || m.from.priority !== m.to.priority) {
    const next = rulesFor(m.policy, m.to.priority);
    out = retargetClocks(out, rulesFor(m.prev, m.from.priority), next, at);
    // Not answered yet and the new policy wants a first response: due from the ticket's creation.
    const from = m.from as Partial<ClockRow>;
    if (!out.firstResponseDueAt && next.targets.firstResponse != null && from.createdAt && from.firstResponseAt === null && !isTerminal(m.to.status)) {
      out = { ...out, firstResponseDueAt: addBusinessMinutes(from.createdAt, next.targets.firstResponse, next.calendar) };
    }
  }
  if (m.from.status !== m.to.status) out = onStatusClocks(out, m.from.status, m.to.status, rulesFor(m.policy, m.to.priority), at);
  return out;
}
