import { isTerminal, type Status } from "./constants";

/**
 * The ticket lifecycle as pure decisions: given a ticket's current state and what happened,
 * which status and timestamps it has next. No database and no clock: the writer reads the row
 * under its lock, asks here, and writes what comes back, so SQL applies these rules instead of
 * restating them.
 *
 *   event                              | status                               | timestamps
 *   -----------------------------------|--------------------------------------|---------------------------------------
 *   created                            | requested, else assigned/new by      | resolved_at when resolved or closed,
 *                                      | whether an assignee is given         | closed_at when closed (both = now)
 *   assigned (was unassigned/other)    | new → assigned, others unchanged     | as for a status change
 *   unassigned                         | assigned → new, others unchanged     | as for a status change
 *   (a request that also sets a status wins over the status implied by (un)assignment)
 *   status set to resolved             | resolved                             | resolved_at kept or now; closed_at null
 *   status set to closed               | closed                               | resolved_at kept or now; closed_at kept or now
 *   status set to an open status       | as set                               | resolved_at and closed_at cleared
 *   customer public reply              | resolved/closed → new (unassigned)   | resolved_at and closed_at cleared
 *                                      | or in_progress (assigned); others    |
 *                                      | unchanged                            |
 *   agent public reply                 | unchanged; the first response on an  | first_response_at = now if unset
 *                                      | unassigned ticket may assign it to   |
 *                                      | the agent (as "assigned" above)      |
 *   internal note made public          | unchanged (counts as an agent reply) | first_response_at = now if unset
 *   internal note, reply made internal | unchanged                            | unchanged (first response stays)
 */

export interface LifecycleState {
  status: Status;
  assignedToId: string | null;
  resolvedAt: Date | null;
  closedAt: Date | null;
  firstResponseAt: Date | null;
}

export type TransitionReason =
  | "created"
  | "status_set"
  | "assigned"
  | "unassigned"
  | "customer_reply"
  | "agent_reply";

/**
 * The columns to write; an empty object means the ticket stays as it is. A status change
 * always carries resolvedAt and closedAt (the writer sets all three together). `reason` says
 * why, for the status_changed event.
 */
export interface LifecycleChange {
  assignedToId?: string | null;
  status?: Status;
  resolvedAt?: Date | null;
  closedAt?: Date | null;
  firstResponseAt?: Date;
  reason?: TransitionReason;
}

type StatusState = Pick<LifecycleState, "status" | "resolvedAt" | "closedAt">;

/** A new ticket's status and terminal timestamps. */
export function onCreate(
  input: { status?: Status; assignedToId: string | null },
  at: Date,
): { status: Status; resolvedAt: Date | null; closedAt: Date | null; reason: "created" } {
  const status = input.status ?? (input.assignedToId ? "assigned" : "new");
  return {
    status,
    resolvedAt: isTerminal(status) ? at : null,
    closedAt: status === "closed" ? at : null,
    reason: "created",
  };
}

/**
 * Moving to `to`. Resolving keeps an earlier resolution time (closing a resolved ticket does
 * not move it); reopening clears both, so they always describe the current resolution.
 */
export function onStatusChange(
  state: StatusState,
  to: Status,
  at: Date,
  reason: TransitionReason = "status_set",
): LifecycleChange {
  if (to === state.status) return {};
  if (!isTerminal(to)) return { status: to, resolvedAt: null, closedAt: null, reason };
  return {
    status: to,
    resolvedAt: state.resolvedAt ?? at,
    closedAt: to === "closed" ? (state.closedAt ?? at) : null,
    reason,
  };
}

/**
 * Handing the ticket to `assigneeId` (null: unassigning). Assignment moves a fresh ticket
 * along and unassignment puts an assigned one back in the pool; any later status is the
 * agents' to set and is left alone.
 */
export function onAssign(
  state: Pick<LifecycleState, "status" | "assignedToId" | "resolvedAt" | "closedAt">,
  assigneeId: string | null,
  at: Date,
): LifecycleChange {
  if (assigneeId === state.assignedToId) return {};
  const reason: TransitionReason = assigneeId ? "assigned" : "unassigned";
  const implied: Status | undefined =
    assigneeId && state.status === "new" ? "assigned" : !assigneeId && state.status === "assigned" ? "new" : undefined;
  const status = implied ? onStatusChange(state, implied, at, reason) : {};
  return { assignedToId: assigneeId, reason, ...status };
}

/**
 * One agent edit that may reassign and set a status together. A status in the request wins
 * over the one implied by the assignment; either way the terminal timestamps follow.
 */
export function onUpdate(
  state: Pick<LifecycleState, "status" | "assignedToId" | "resolvedAt" | "closedAt">,
  request: { assignedToId?: string | null; status?: Status },
  at: Date,
): LifecycleChange {
  let out: LifecycleChange = {};
  let target = request.status;
  if (request.assignedToId !== undefined && request.assignedToId !== state.assignedToId) {
    const a = onAssign(state, request.assignedToId, at);
    out = { assignedToId: a.assignedToId, reason: a.reason };
    target ??= a.status;
  }
  if (target !== undefined && target !== state.status) {
    out = { ...out, ...onStatusChange(state, target, at, request.status !== undefined ? "status_set" : out.reason) };
  }
  return out;
}

/**
 * A customer's public reply. On a resolved or closed ticket it reopens the conversation
 * rather than starting a duplicate: back to the pool when nobody owns it, otherwise to the
 * assignee as work in progress. Open tickets keep their status (pending included).
 */
export function onCustomerReply(state: Pick<LifecycleState, "status" | "assignedToId">): LifecycleChange {
  if (!isTerminal(state.status)) return {};
  return {
    status: state.assignedToId == null ? "new" : "in_progress",
    resolvedAt: null,
    closedAt: null,
    reason: "customer_reply",
  };
}

/**
 * Who an agent's public reply assigns the ticket to: the replying agent, when the reply is the
 * ticket's first response and nobody owns it yet (AUTO_ASSIGN_ON_REPLY); otherwise nobody.
 */
export function replyAssignee(state: Pick<LifecycleState, "assignedToId" | "firstResponseAt">, agentId: string): string | null {
  return state.assignedToId == null && state.firstResponseAt == null ? agentId : null;
}

/**
 * An agent's public reply: the first one is the ticket's first response. Status is untouched,
 * unless the reply takes the ticket (`assignTo`, see replyAssignee): then it is an assignment.
 */
export function onAgentReply(
  state: Pick<LifecycleState, "firstResponseAt"> & Partial<Pick<LifecycleState, "status" | "assignedToId" | "resolvedAt" | "closedAt">>,
  at: Date,
  opts: { assignTo?: string | null } = {},
): LifecycleChange {
  const first: LifecycleChange = state.firstResponseAt == null ? { firstResponseAt: at, reason: "agent_reply" } : {};
  if (!opts.assignTo || state.status === undefined || state.assignedToId === undefined) return first;
  const assign = onAssign(
    { status: state.status, assignedToId: state.assignedToId, resolvedAt: state.resolvedAt ?? null, closedAt: state.closedAt ?? null },
    opts.assignTo,
    at,
  );
  return { ...first, ...assign };
}

/** An internal note turned public: the customer sees it from now on, so it is an agent reply now. */
export function onNotePublished(state: Pick<LifecycleState, "firstResponseAt">, at: Date): LifecycleChange {
  return onAgentReply(state, at);
}

/**
 * Any new message. Internal notes never move a ticket: they are not part of the conversation
 * with the customer. For public messages the author's side decides which reply rule applies.
 */
export function onMessage(
  state: Pick<LifecycleState, "status" | "assignedToId" | "firstResponseAt"> & Partial<Pick<LifecycleState, "resolvedAt" | "closedAt">>,
  message: { fromAgent: boolean; isInternal: boolean },
  at: Date,
  opts: { assignTo?: string | null } = {},
): LifecycleChange {
  if (message.isInternal) return {};
  return message.fromAgent ? onAgentReply(state, at, opts) : onCustomerReply(state);
}

/** The state after a change (what the row holds once the writer has applied it). */
export function applyChange(state: LifecycleState, change: LifecycleChange): LifecycleState {
  const next = { ...state, ...change };
  delete next.reason;
  return next;
}
