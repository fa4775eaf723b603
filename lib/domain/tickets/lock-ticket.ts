import type { Prisma, Priority, TicketStatus } from "@/lib/db/generated/client";
import type { Actor } from "../actor";
import { can, type TicketSubject } from "../policy";
import type { ClockState, PolicyTargets } from "../sla/clocks";
import { toCalendar } from "../sla/load-policies";
import { builtInDefaultPolicy, type SlaPolicy } from "../sla/policies";
import { settingFromStored } from "../settings/get-settings";

/** A ticket row as read under its row lock, with what the policy needs about it. */
export interface LockedTicket {
  id: string;
  status: TicketStatus;
  assignedToId: string | null;
  firstResponseAt: Date | null;
  resolvedAt: Date | null;
  closedAt: Date | null;
  version: number;
  subject: TicketSubject;
  /** The SLA clocks and the policy they run under, so a writer can move them without a read. */
  sla: { priority: Priority; clocks: ClockState; policy: Pick<SlaPolicy, "targets" | "calendar" | "warnBeforeMinutes"> };
  /** The auto_assign_on_reply setting, read in the same statement (see lib/domain/settings/). */
  autoAssignOnReply: boolean;
}

interface LockRow {
  status: TicketStatus;
  assigned_to_id: string | null;
  first_response_at: Date | null;
  resolved_at: Date | null;
  closed_at: Date | null;
  version: number;
  user_id: string | null;
  contact_user_id: string | null;
  priority: Priority;
  first_response_due_at: Date | null;
  next_response_due_at: Date | null;
  resolution_due_at: Date | null;
  sla_paused_at: Date | null;
  sla_resolution_elapsed: number;
  targets: PolicyTargets | null;
  warn_before_minutes: number | null;
  time_zone: string | null;
  week: unknown;
  holidays: unknown;
  auto_assign_on_reply: unknown;
}

/**
 * Reads and locks a ticket in one round trip (FOR NO KEY UPDATE: children's foreign-key checks
 * are not blocked, and no key changes). Taken before inserting any child row: the inserts take
 * KEY SHARE locks through their foreign keys, and a row lock taken afterwards would deadlock
 * concurrent writers. null when the ticket does not exist.
 */
export async function lockTicket(tx: Prisma.TransactionClient, ticketId: string): Promise<LockedTicket | null> {
  // The policy and its calendar, and the auto_assign_on_reply setting, come along in the same
  // statement (a message post has a round-trip budget; see tests/message-post-round-trips.test.ts).
  const [r] = await tx.$queryRaw<LockRow[]>`
    SELECT t.status, t.assigned_to_id::text, t.first_response_at, t.resolved_at, t.closed_at, t.version, t.user_id::text, c.user_id::text AS contact_user_id,
           t.priority, t.first_response_due_at, t.next_response_due_at, t.resolution_due_at, t.sla_paused_at,
           t.sla_resolution_elapsed, p.targets, p.warn_before_minutes, k.time_zone, k.week, k.holidays,
           (SELECT s.value FROM app_settings s WHERE s.key = 'auto_assign_on_reply') AS auto_assign_on_reply
    FROM tickets t
    LEFT JOIN contacts c ON c.id = t.contact_id
    LEFT JOIN sla_policies p ON p.id = t.sla_policy_id
    LEFT JOIN sla_calendars k ON k.id = p.calendar_id
    WHERE t.id = ${ticketId}::uuid
    FOR NO KEY UPDATE OF t`;
  if (!r) return null;
  const policy =
    r.targets && r.time_zone != null
      ? { targets: r.targets, calendar: toCalendar({ timeZone: r.time_zone, week: r.week, holidays: r.holidays }), warnBeforeMinutes: r.warn_before_minutes ?? 60 }
      : builtInDefaultPolicy();
  return {
    id: ticketId,
    status: r.status,
    assignedToId: r.assigned_to_id,
    firstResponseAt: r.first_response_at,
    resolvedAt: r.resolved_at,
    closedAt: r.closed_at,
    version: Number(r.version),
    subject: { assignedToId: r.assigned_to_id, userId: r.user_id, contactUserId: r.contact_user_id },
    autoAssignOnReply: settingFromStored("auto_assign_on_reply", r.auto_assign_on_reply),
    sla: {
      priority: r.priority,
      clocks: {
        firstResponseDueAt: r.first_response_due_at,
        nextResponseDueAt: r.next_response_due_at,
        resolutionDueAt: r.resolution_due_at,
        pausedAt: r.sla_paused_at,
        resolutionElapsed: Number(r.sla_resolution_elapsed),
      },
      policy,
    },
  };
}

/** ticketsVisibleTo (lib/domain/scope.ts), decided on a row already read. */
export function ticketVisibleTo(actor: Actor, t: TicketSubject): boolean {
  return can(actor, "ticket:read-internal") || t.userId === actor.id || t.contactUserId === actor.id;
}
