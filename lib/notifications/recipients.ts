import type { NotificationKind, Prisma, TicketStatus } from "@/lib/db/generated/client";
import type { Actor } from "@/lib/domain/actor";
import { isAgent } from "@/lib/domain/policy";

export interface Recipient {
  id: string | null;
  email: string;
  name: string;
  /** Why they get it, for the footer. */
  reason: "customer" | "assignee" | "watcher" | "team" | "admin";
}

interface NotifyUser {
  id: string;
  email: string;
  name: string;
  role: Actor["role"];
  isStaff: boolean;
  permissions: string[];
  isActive: boolean;
}

/** Everything the outbox needs to address one ticket's notifications, read in one statement. */
export interface TicketForNotify {
  id: string;
  number: string;
  subject: string;
  description: string;
  status: TicketStatus;
  userId: string | null;
  assignedTeamId: string | null;
  user: NotifyUser | null;
  contact: { email: string; name: string; userId: string | null } | null;
  assignedTo: NotifyUser | null;
  watchers: { user: NotifyUser }[];
  /** Active members of the ticket's team: the last resort for an unassigned, unwatched ticket. */
  teamMembers: NotifyUser[];
  /** Users among the above who switched this kind of notification off. */
  muted: Set<string>;
}

const USER_JSON = `json_build_object('id', u.id, 'email', u.email, 'name', u.name, 'role', u.role::text,
  'isStaff', u.is_staff, 'permissions', u.permissions, 'isActive', u.is_active)`;

// One round trip for the ticket, its people and their preferences (it runs inside the
// transaction of every reply, so every statement here is paid while the ticket row is locked).
const LOAD_SQL = `
  SELECT t.id::text, t.number, t.subject, t.description, t.status::text AS status,
    t.user_id::text AS user_id, t.assigned_team_id::text AS assigned_team_id,
    (SELECT ${USER_JSON} FROM users u WHERE u.id = t.user_id) AS requester,
    (SELECT json_build_object('email', c.email, 'name', c.name, 'userId', c.user_id) FROM contacts c WHERE c.id = t.contact_id) AS contact,
    (SELECT ${USER_JSON} FROM users u WHERE u.id = t.assigned_to_id) AS assignee,
    COALESCE((SELECT json_agg(${USER_JSON} ORDER BY w.created_at)
      FROM ticket_watchers w JOIN users u ON u.id = w.user_id WHERE w.ticket_id = t.id), '[]'::json) AS watchers,
    COALESCE((SELECT json_agg(${USER_JSON} ORDER BY u.email)
      FROM users u WHERE t.assigned_team_id IS NOT NULL AND u.team_id = t.assigned_team_id AND u.is_active), '[]'::json) AS team,
    COALESCE((SELECT json_agg(p.user_id) FROM notification_preferences p
      WHERE p.kind = $2::"NotificationKind" AND NOT p.enabled AND (
        p.user_id = t.user_id OR p.user_id = t.assigned_to_id
        OR p.user_id = (SELECT c.user_id FROM contacts c WHERE c.id = t.contact_id)
        OR p.user_id IN (SELECT w.user_id FROM ticket_watchers w WHERE w.ticket_id = t.id)
        OR p.user_id IN (SELECT u.id FROM users u WHERE t.assigned_team_id IS NOT NULL AND u.team_id = t.assigned_team_id))), '[]'::json) AS muted
  FROM tickets t WHERE t.id = $1::uuid`;

type Json<T> = T | string;
const parse = <T>(v: Json<T>): T => (typeof v === "string" ? (JSON.parse(v) as T) : v);

/** The ticket with everyone a `kind` notification may go to, in one statement. */
export async function loadTicketForNotify(tx: Prisma.TransactionClient, ticketId: string, kind: NotificationKind): Promise<TicketForNotify> {
  const [r] = await tx.$queryRawUnsafe<
    {
      id: string;
      number: string;
      subject: string;
      description: string;
      status: TicketStatus;
      user_id: string | null;
      assigned_team_id: string | null;
      requester: Json<NotifyUser> | null;
      contact: Json<TicketForNotify["contact"]> | null;
      assignee: Json<NotifyUser> | null;
      watchers: Json<NotifyUser[]>;
      team: Json<NotifyUser[]>;
      muted: Json<string[]>;
    }[]
  >(LOAD_SQL, ticketId, kind);
  if (!r) throw new Error(`ticket ${ticketId} vanished inside its own transaction`);
  return {
    id: r.id,
    number: r.number,
    subject: r.subject,
    description: r.description,
    status: r.status,
    userId: r.user_id,
    assignedTeamId: r.assigned_team_id,
    user: r.requester ? parse(r.requester) : null,
    contact: r.contact ? parse(r.contact) : null,
    assignedTo: r.assignee ? parse(r.assignee) : null,
    watchers: parse(r.watchers).map((user) => ({ user })),
    teamMembers: parse(r.team),
    muted: new Set(parse(r.muted)),
  };
}

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
export function agentRecipients(t: TicketForNotify, actor: Actor | null): Recipient[] {
  const ok = (u: NotifyUser | null | undefined): u is NotifyUser => !!u && u.isActive && isAgent(u);
  let users: NotifyUser[] = [];
  let reason: Recipient["reason"] = "assignee";
  if (ok(t.assignedTo)) users = [t.assignedTo];
  else {
    users = t.watchers.map((w) => w.user).filter(ok);
    reason = "watcher";
    if (!users.length && t.assignedTeamId) {
      users = t.teamMembers.filter(ok);
      reason = "team";
    }
  }
  const seen = new Set<string>();
  return users
    .map((u): Recipient => ({ id: u.id, email: u.email, name: displayName(u), reason }))
    .filter((r) => notActor(actor, r) && !seen.has(r.email.toLowerCase()) && seen.add(r.email.toLowerCase()));
}

/** Drops recipients who switched this kind off (no row means on). */
export function withPreferences(t: TicketForNotify, recipients: Recipient[]): Recipient[] {
  return recipients.filter((r) => !r.id || !t.muted.has(r.id));
}

export { displayName };
