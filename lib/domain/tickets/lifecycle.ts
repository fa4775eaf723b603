import { TERMINAL_STATUSES, type TicketStatus } from "./types";

/**
 * The ticket lifecycle as pure decisions: given the state a ticket is in and what happens to
 * it, what its status and lifecycle timestamps become. The domain writes (create, update,
 * messages) apply these decisions in SQL; none of them restates a rule of its own.
 */

export function isTerminal(status: TicketStatus): boolean {
  return (TERMINAL_STATUSES as readonly TicketStatus[]).includes(status);
}

export interface Timestamps {
  resolvedAt: Date | null;
  closedAt: Date | null;
}

/**
 * Terminal timestamps after a move to `to`: resolved and closed keep the first resolution
 * time, closed keeps its first closing time, any open status clears both.
 */
export function timestampsFor(to: TicketStatus, current: Timestamps, at: Date): Timestamps {
  if (!isTerminal(to)) return { resolvedAt: null, closedAt: null };
  return { resolvedAt: current.resolvedAt ?? at, closedAt: to === "closed" ? (current.closedAt ?? at) : null };
}

/** A new ticket: the requested status, else "assigned" when it has an assignee, else "new". */
export function initialLifecycle(req: { status?: TicketStatus; assignedToId: string | null }, at: Date): Timestamps & { status: TicketStatus } {
  const status = req.status ?? (req.assignedToId ? "assigned" : "new");
  return { status, ...timestampsFor(status, { resolvedAt: null, closedAt: null }, at) };
}

/**
 * The status an assignment change moves a ticket to, when the same change does not set a
 * status itself: a fresh ticket becomes "assigned" when someone takes it and goes back to
 * "new" when unassigned; a ticket further along keeps its status.
 */
export function statusAfterAssignment(status: TicketStatus, assigneeId: string | null): TicketStatus {
  if (assigneeId && status === "new") return "assigned";
  if (!assigneeId && status === "assigned") return "new";
  return status;
}

export interface ReplyDecision {
  status: TicketStatus;
  /** Set when the reply moves the ticket (and so bumps its version and records the change). */
  reopened: boolean;
  timestamps: Timestamps | null;
}

/**
 * A customer's public reply: on a resolved or closed ticket it reopens it instead of
 * starting a duplicate, back to the assignee ("in_progress") or the queue ("new").
 */
export function onCustomerReply(t: { status: TicketStatus; assignedToId: string | null }): ReplyDecision {
  if (!isTerminal(t.status)) return { status: t.status, reopened: false, timestamps: null };
  return { status: t.assignedToId ? "in_progress" : "new", reopened: true, timestamps: { resolvedAt: null, closedAt: null } };
}

/**
 * An agent's public reply (or an internal note made public): the first one is the ticket's
 * first response. Internal notes are not responses and never reach this.
 */
export function firstResponseAfterAgentReply(current: Date | null, at: Date): Date {
  return current ?? at;
}
