/**
 * The ticket vocabulary the domain owns. Pure values with no imports, so the lifecycle rules,
 * the API schemas, SQL writers and browser components can all share them. They mirror the
 * TicketStatus and Priority enums of prisma/schema.prisma (constants.test.ts checks that).
 */
export const STATUSES = ["new", "assigned", "in_progress", "pending", "resolved", "closed"] as const;
export type Status = (typeof STATUSES)[number];

/** Work still to do: what queues, "my open tickets" and SLA breach lists count. */
export const OPEN_STATUSES = ["new", "assigned", "in_progress", "pending"] as const satisfies readonly Status[];

/** Done: a ticket in one of these carries resolved_at (and closed_at when closed). */
export const TERMINAL_STATUSES = ["resolved", "closed"] as const satisfies readonly Status[];
export type TerminalStatus = (typeof TERMINAL_STATUSES)[number];

export function isTerminal(status: Status): status is TerminalStatus {
  return (TERMINAL_STATUSES as readonly Status[]).includes(status);
}

export const PRIORITIES = ["low", "medium", "high", "urgent"] as const;
export type Priority = (typeof PRIORITIES)[number];

/** Severity order, stored as tickets.priority_rank so lists can sort by severity in SQL. */
export const PRIORITY_RANK: Readonly<Record<Priority, number>> = { low: 1, medium: 2, high: 3, urgent: 4 };
