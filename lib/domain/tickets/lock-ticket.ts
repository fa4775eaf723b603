import type { Prisma, TicketStatus } from "@/lib/db/generated/client";
import type { Actor } from "../actor";
import { can, type TicketSubject } from "../policy";

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
}

/**
 * Reads and locks a ticket in one round trip (FOR NO KEY UPDATE: children's foreign-key checks
 * are not blocked, and no key changes). Taken before inserting any child row: the inserts take
 * KEY SHARE locks through their foreign keys, and a row lock taken afterwards would deadlock
 * concurrent writers. null when the ticket does not exist.
 */
export async function lockTicket(tx: Prisma.TransactionClient, ticketId: string): Promise<LockedTicket | null> {
  const [r] = await tx.$queryRaw<
    { status: TicketStatus; assigned_to_id: string | null; first_response_at: Date | null; resolved_at: Date | null; closed_at: Date | null; version: number; user_id: string | null; contact_user_id: string | null }[]
  >`
    SELECT t.status, t.assigned_to_id::text, t.first_response_at, t.resolved_at, t.closed_at, t.version, t.user_id::text, c.user_id::text AS contact_user_id
    FROM tickets t LEFT JOIN contacts c ON c.id = t.contact_id
    WHERE t.id = ${ticketId}::uuid
    FOR NO KEY UPDATE OF t`;
  if (!r) return null;
  return {
    id: ticketId,
    status: r.status,
    assignedToId: r.assigned_to_id,
    firstResponseAt: r.first_response_at,
    resolvedAt: r.resolved_at,
    closedAt: r.closed_at,
    version: Number(r.version),
    subject: { assignedToId: r.assigned_to_id, userId: r.user_id, contactUserId: r.contact_user_id },
  };
}

/** ticketsVisibleTo (lib/domain/scope.ts), decided on a row already read. */
export function ticketVisibleTo(actor: Actor, t: TicketSubject): boolean {
  return can(actor, "ticket:read-internal") || t.userId === actor.id || t.contactUserId === actor.id;
}
