import type { NotificationKind, Prisma } from "@/lib/db/generated/client";
import type { Actor } from "@/lib/domain/actor";
import { isAgent } from "@/lib/domain/policy";

export interface Recipient {
  id: string | null;
  email: string;
  name: string;
  /** Why they get it, for the footer. */
  reason: "customer" | "assignee" | "watcher" | "team";
}

const userFields = { id: true, email: true, name: true, role: true, isStaff: true, permissions: true, isActive: true } as const;

export const ticketForNotify = {
  id: true,
  number: true,
  subject: true,
  status: true,
  userId: true,
  assignedTeamId: true,
  user: { select: userFields },
  contact: { select: { email: true, name: true, userId: true } },
  assignedTo: { select: userFields },
  watchers: { select: { user: { select: userFields } } },
} satisfies Prisma.TicketSelect;

export type TicketForNotify = Prisma.TicketGetPayload<{ select: typeof ticketForNotify }>;

function displayName(u: { name: string; email: string }): string {
  return u.name.trim() || u.email.split("@")[0];
}

function notActor(actor: Actor | null, r: Recipient): boolean {
  if (!actor) return true;
  return r.id !== actor.id && r.email.toLowerCase() !== actor.email.toLowerCase();
}

/** The customer side of a ticket: its requester, else its CRM contact's address. */
export function customerRecipient(t: TicketForNotify, actor: Actor | null): Recipient | null {
  let r: Recipient | null = null;
  if (t.user?.isActive) r = { id: t.user.id, email: t.user.email, name: displayName(t.user), reason: "customer" };
  else if (t.contact?.email) r = { id: t.contact.userId, email: t.contact.email, name: displayName(t.contact), reason: "customer" };
  return r && notActor(actor, r) ? r : null;
}

/**
 * Agents to tell about a customer reply: the assignee; an unassigned ticket's watchers; with
 * no watchers either, the members of the ticket's team. Only active agents (a customer who was
 * added as a watcher must not receive workspace links), never the actor.
 */
export async function agentRecipients(
  tx: Prisma.TransactionClient,
  t: TicketForNotify,
  actor: Actor | null,
): Promise<Recipient[]> {
  type U = NonNullable<TicketForNotify["assignedTo"]>;
  const ok = (u: U | null | undefined): u is U => !!u && u.isActive && isAgent(u);
  let users: U[] = [];
  let reason: Recipient["reason"] = "assignee";
  if (ok(t.assignedTo)) users = [t.assignedTo];
  else {
    users = t.watchers.map((w) => w.user).filter(ok);
    reason = "watcher";
    if (!users.length && t.assignedTeamId) {
      const members = await tx.user.findMany({
        where: { teamId: t.assignedTeamId, isActive: true },
        select: userFields,
        orderBy: { email: "asc" },
      });
      users = members.filter(ok);
      reason = "team";
    }
  }
  const seen = new Set<string>();
  return users
    .map((u): Recipient => ({ id: u.id, email: u.email, name: displayName(u), reason }))
    .filter((r) => notActor(actor, r) && !seen.has(r.email.toLowerCase()) && seen.add(r.email.toLowerCase()));
}

/** Drops recipients who switched this kind off (no row means on). */
export async function withPreferences(
  tx: Prisma.TransactionClient,
  kind: NotificationKind,
  recipients: Recipient[],
): Promise<Recipient[]> {
  const ids = recipients.map((r) => r.id).filter((id): id is string => !!id);
  if (!ids.length) return recipients;
  const off = await tx.notificationPreference.findMany({
    where: { userId: { in: ids }, kind, enabled: false },
    select: { userId: true },
  });
  const offIds = new Set(off.map((o) => o.userId));
  return recipients.filter((r) => !r.id || !offIds.has(r.id));
}

export { displayName };
