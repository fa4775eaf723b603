import type { Actor } from "./actor";
import { PermissionDeniedError } from "./errors";

/**
 * Who may do what, in one place. Domain writes call assertCan(); pages call can() or
 * ticketCapabilities() on the server and hand the browser flags, so no rule is restated in
 * a component. Row visibility (which tickets a query returns at all) is lib/domain/scope.ts.
 *
 * Agents are staff, or hold one of the four support roles, or have the `support.view_ticket`
 * permission. Admins are the admin and super_admin roles (always agents too). A participant
 * is the ticket's requester or the user of its CRM contact.
 *
 *   action                  | customer            | agent                       | admin
 *   ------------------------|---------------------|-----------------------------|------
 *   queue:view              | -                   | yes                         | yes
 *   agent:list              | -                   | yes                         | yes
 *   preferences:manage      | -                   | yes                         | yes
 *   ticket:create           | yes                 | yes                         | yes
 *   ticket:set-agent-fields | -                   | yes                         | yes
 *   company:set             | -                   | yes                         | yes
 *   ticket:view             | participant         | yes                         | yes
 *   ticket:view-all         | -                   | yes                         | yes
 *   ticket:read-internal    | -                   | yes                         | yes
 *   ticket:update           | -                   | yes                         | yes
 *   ticket:change-status    | -                   | assignee                    | yes
 *   ticket:assign           | -                   | assignee; or self-assign    | yes
 *                           |                     | when unassigned             |
 *   ticket:delete           | -                   | -                           | yes
 *   ticket:merge            | -                   | yes                         | yes
 *   message:post            | participant         | yes                         | yes
 *   message:post-internal   | -                   | yes                         | yes
 *   message:edit            | owner               | owner                       | yes
 *   message:delete          | owner               | owner                       | yes
 *   attachment:add          | participant         | yes                         | yes
 *   attachment:delete       | owner               | owner                       | yes
 *   macro:use               | -                   | yes                         | yes
 *   macro:view              | -                   | shared, or own personal     | same
 *   macro:edit              | -                   | own (personal or shared)    | + any shared
 *   saved-view:use          | -                   | yes                         | yes
 *   saved-view:edit         | -                   | own (personal or shared)    | + shared ones
 *                           |                     |                             | of their team
 *   sla-policy:read         | -                   | yes                         | yes
 *   sla-policy:manage       | -                   | -                           | yes
 *   admin:access            | -                   | -                           | yes
 *   user:manage             | -                   | -                           | yes
 *   audit-log:read          | -                   | -                           | yes
 *   invitation:manage       | -                   | -                           | yes
 *   team:manage             | -                   | -                           | yes
 *   company:manage          | -                   | -                           | yes
 *   role:grant              | -                   | -                           | yes; super_admin
 *                           |                     |                             | only by a super_admin
 *   api-token:manage-own    | yes                 | yes                         | yes
 *   api-token:manage-any    | -                   | -                           | yes
 *   settings:manage         | -                   | -                           | yes
 *
 * Subjects: `ticket` (assignee, requester, contact's user) for ticket rules, `assignTo` for
 * ticket:assign (null = unassign), `ownerId` (author / uploader) for edits and deletes,
 * `macro` (owner, shared) for macros: a personal macro is its owner's alone, admins included.
 * `role` for role:grant (the role given by an invitation or a role change).
 * A rule whose subject is missing is decided as for an unrelated one: no ticket means no
 * participant and no assignee.
 */
export const ACTIONS = [
  "queue:view", // the agent workspace: queue, ticket workspace, dev mailbox
  "agent:list", // the assignee and watcher pickers; customers may not enumerate staff
  "preferences:manage", // per-kind notification switches are an agent setting
  "ticket:create",
  "ticket:set-agent-fields", // on create: status, assignee, SLA, AI fields, on behalf of user/contact
  "company:set", // the CRM's explicit company
  "ticket:view",
  "ticket:view-all",
  "ticket:read-internal", // internal notes and events, AI output, internal counts, customer card
  "ticket:update", // any agent: priority, category, watchers, SLA, AI fields...
  "ticket:change-status",
  "ticket:assign",
  "ticket:delete",
  "ticket:merge", // a duplicate into another ticket (its thread moves, it closes)
  "message:post",
  "message:post-internal", // also turning a reply into a note and back
  "message:edit",
  "message:delete",
  "attachment:add",
  "attachment:delete",
  "macro:use", // list, create and apply macros (a shared one needs no more than this to create)
  "macro:view",
  "macro:edit", // also delete
  "saved-view:use", // list, open and create saved queue views (personal, or shared with one's team)
  "saved-view:edit", // rename, reorder, change sharing, delete
  "sla-policy:read", // SLA policies, calendars and targets
  "sla-policy:manage", // create, edit and delete them (open tickets are recomputed)
  "admin:access", // the /admin area; its pages 404 for everyone else
  "user:manage", // list users, change role, staff flag, permissions, deactivate / reactivate
  "audit-log:read",
  "invitation:manage", // invite agents and admins, list, resend and revoke invitations
  "team:manage", // create and rename teams, move members between them
  "company:manage", // create companies and edit their name and email domain
  "role:grant", // give someone a role (subject.role)
  "api-token:manage-own", // personal API tokens: create, list and revoke one's own
  "api-token:manage-any", // list and revoke anyone's personal API tokens
  "settings:manage", // app settings (/admin/settings/): public ticket form, auto-assignment
] as const;
export type Action = (typeof ACTIONS)[number];

export interface TicketSubject {
  assignedToId: string | null;
  /** The requester. */
  userId?: string | null;
  /** The user linked to the ticket's CRM contact. */
  contactUserId?: string | null;
}

export interface Subject {
  ticket?: TicketSubject;
  /** ticket:assign: the new assignee; null unassigns. */
  assignTo?: string | null;
  /** message/attachment edit and delete: the author or uploader. */
  ownerId?: string | null;
  /** macro:view / macro:edit: who made it and whether every agent sees it. */
  macro?: { ownerId: string | null; shared: boolean };
  /** saved-view:edit: who made it and whether it is shared with a team. */
  view?: { ownerId: string; teamId: string | null };
  /** role:grant: the role being given. */
  role?: Actor["role"];
}

/**
 * The Django-style permission codenames the policy checks, and so the only ones an admin can
 * grant (lib/domain/users/update-user-access.ts): one that nothing checks would be a promise.
 */
export const PERMISSIONS = {
  "support.view_ticket": "Work in the agent workspace without a support role",
} as const;
export type Permission = keyof typeof PERMISSIONS;

type Who = Pick<Actor, "id" | "role" | "isStaff" | "permissions">;

const AGENT_ROLES = new Set(["customer_service", "sales_manager", "admin", "super_admin"]);
const ADMIN_ROLES = new Set(["admin", "super_admin"]);

export function isAgent(actor: Pick<Actor, "role" | "isStaff" | "permissions">): boolean {
  return (
    actor.isStaff || AGENT_ROLES.has(actor.role) || actor.permissions.includes("support.view_ticket" satisfies Permission)
  );
}

export function isAdmin(actor: Pick<Actor, "role">): boolean {
  return ADMIN_ROLES.has(actor.role);
}

const agent = (a: Who) => isAgent(a);
const admin = (a: Who) => isAgent(a) && isAdmin(a);
const participant = (a: Who, s: Subject) => s.ticket?.userId === a.id || s.ticket?.contactUserId === a.id;
const assignee = (a: Who, s: Subject) => s.ticket?.assignedToId === a.id;
// Own words and files stay editable by their author; beyond that only admins, so one agent
// cannot rewrite another's reply to a customer.
const ownerOrAdmin = (a: Who, s: Subject) => (s.ownerId != null && s.ownerId === a.id) || admin(a);

const RULES: Record<Action, (actor: Who, subject: Subject) => boolean> = {
  "queue:view": agent,
  "agent:list": agent,
  "preferences:manage": agent,
  "ticket:create": () => true,
  "ticket:set-agent-fields": agent,
  "company:set": agent,
  "ticket:view": (a, s) => agent(a) || participant(a, s),
  "ticket:view-all": agent,
  "ticket:read-internal": agent,
  "ticket:update": agent,
  // Status belongs to whoever owns the work.
  "ticket:change-status": (a, s) => admin(a) || (agent(a) && assignee(a, s)),
  // Taking an unassigned ticket for oneself is open to every agent; handing one to someone
  // else, or taking it from a colleague, is the assignee's or an admin's call.
  "ticket:assign": (a, s) =>
    admin(a) || (agent(a) && (assignee(a, s) || (s.ticket?.assignedToId == null && s.assignTo === a.id))),
  "ticket:delete": admin,
  "ticket:merge": agent,
  "message:post": (a, s) => agent(a) || participant(a, s),
  "message:post-internal": agent,
  "message:edit": ownerOrAdmin,
  "message:delete": ownerOrAdmin,
  "attachment:add": (a, s) => agent(a) || participant(a, s),
  "attachment:delete": ownerOrAdmin,
  "macro:use": agent,
  "macro:view": (a, s) => agent(a) && !!s.macro && (s.macro.shared || s.macro.ownerId === a.id),
  // Shared macros are the team's: their creator or an admin keeps them; personal ones stay the owner's.
  "macro:edit": (a, s) => agent(a) && !!s.macro && (s.macro.ownerId === a.id || (s.macro.shared && admin(a))),
  "saved-view:use": agent,
  // Like shared macros: a shared view stays its creator's, admins may tidy it; a personal one is the owner's alone.
  "saved-view:edit": (a, s) => agent(a) && !!s.view && (s.view.ownerId === a.id || (s.view.teamId != null && admin(a))),
  "sla-policy:read": agent,
  "sla-policy:manage": admin,
  "admin:access": admin,
  "user:manage": admin,
  "audit-log:read": admin,
  "invitation:manage": admin,
  "team:manage": admin,
  "company:manage": admin,
  // Only a super_admin makes another one; admins grant up to admin.
  "role:grant": (a, s) => admin(a) && (s.role !== "super_admin" || a.role === "super_admin"),
  "api-token:manage-own": () => true,
  "api-token:manage-any": admin,
  "settings:manage": admin,
};

export function can(actor: Who, action: Action, subject: Subject = {}): boolean {
  return RULES[action](actor, subject);
}

export function assertCan(actor: Who, action: Action, subject: Subject = {}, message?: string): void {
  if (!RULES[action](actor, subject)) throw new PermissionDeniedError(message);
}

/**
 * What the actor may do with one ticket, as flags for pages: computed on the server with the
 * same rules the writes enforce, so the browser only shows or hides controls. The API still
 * refuses whatever a stale page offers.
 */
export interface TicketCapabilities {
  canView: boolean;
  canReadInternal: boolean;
  /** Priority, category, watchers, tags, SLA and the other agent fields. */
  canUpdate: boolean;
  canChangeStatus: boolean;
  /** May change the assignee in some way (the picker is enabled). */
  canAssign: boolean;
  /** May hand the ticket to anyone or unassign it (not only take it). */
  canReassign: boolean;
  /** "Assign to me" is on offer: allowed and not already the assignee. */
  canAssignToSelf: boolean;
  canDelete: boolean;
  canPost: boolean;
  canPostInternal: boolean;
  canAddAttachment: boolean;
}

export function ticketCapabilities(actor: Who, ticket: TicketSubject): TicketCapabilities {
  const on = (action: Action, extra: Omit<Subject, "ticket"> = {}) => can(actor, action, { ticket, ...extra });
  // Unassigning stands for "anyone but me": the rule treats every other target alike.
  const canReassign = on("ticket:assign", { assignTo: null });
  const canAssignToSelf = ticket.assignedToId !== actor.id && on("ticket:assign", { assignTo: actor.id });
  return {
    canView: on("ticket:view"),
    canReadInternal: on("ticket:read-internal"),
    canUpdate: on("ticket:update"),
    canChangeStatus: on("ticket:change-status"),
    canAssign: canReassign || canAssignToSelf,
    canReassign,
    canAssignToSelf,
    canDelete: on("ticket:delete"),
    canPost: on("message:post"),
    canPostInternal: on("message:post-internal"),
    canAddAttachment: on("attachment:add"),
  };
}
