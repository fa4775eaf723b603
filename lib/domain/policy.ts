import type { Actor } from "./actor";
import { PermissionDeniedError } from "./errors";

/**
 * Who may do what, in one table. Every domain write asks assertCan() before it changes
 * anything; reads are limited by scope.ts; pages get capability flags computed here
 * (ticketCapabilities) instead of re-deriving rules.
 *
 * Agents are staff, or hold one of the four support roles, or have the `support.view_ticket`
 * permission. Agents see every ticket; customers only their own (scope.ts).
 *
 * | action                  | who                                                            |
 * |-------------------------|----------------------------------------------------------------|
 * | ticket:create           | anyone signed in (customers open their own tickets)            |
 * | ticket:set-agent-fields | agents: status, assignee, SLA, watchers … when opening         |
 * | ticket:update           | agents: edit a ticket's fields                                 |
 * | ticket:change-status    | the assignee or an admin                                       |
 * | ticket:assign           | the assignee or an admin; any agent may take an unassigned one |
 * | ticket:delete           | admins                                                         |
 * | ticket:read-internal    | agents: internal notes, AI fields, who the requester is        |
 * | ticket:mark-read        | anyone who can see the ticket                                  |
 * | message:post            | anyone who can see the ticket                                  |
 * | message:post-internal   | agents                                                         |
 * | message:reply-as-agent  | agents: their messages are outbound replies                    |
 * | message:edit            | the author or an admin                                         |
 * | message:delete          | the author or an admin                                         |
 * | message:make-internal   | agents (and only on agent replies: a rule of the message)      |
 * | attachment:add          | anyone who can see the ticket                                  |
 * | attachment:delete       | the uploader or an admin                                       |
 * | preferences:manage      | agents (per-kind notification switches)                        |
 * | queue:view              | agents: the agent workspace, queue stats, the dev mailbox      |
 */
export const ACTIONS = [
  "ticket:create",
  "ticket:set-agent-fields",
  "ticket:update",
  "ticket:change-status",
  "ticket:assign",
  "ticket:delete",
  "ticket:read-internal",
  "ticket:mark-read",
  "message:post",
  "message:post-internal",
  "message:reply-as-agent",
  "message:edit",
  "message:delete",
  "message:make-internal",
  "attachment:add",
  "attachment:delete",
  "preferences:manage",
  "queue:view",
] as const;
export type Action = (typeof ACTIONS)[number];

const AGENT_ROLES = new Set(["customer_service", "sales_manager", "admin", "super_admin"]);
const ADMIN_ROLES = new Set(["admin", "super_admin"]);

type Who = Pick<Actor, "role" | "isStaff" | "permissions">;

export function isAgent(actor: Who): boolean {
  return actor.isStaff || AGENT_ROLES.has(actor.role) || actor.permissions.includes("support.view_ticket");
}

export function isAdmin(actor: Pick<Actor, "role">): boolean {
  return ADMIN_ROLES.has(actor.role);
}

/** What an action is about: the ticket as it stands, the assignee asked for, the owner of a message or file. */
export interface Subject {
  ticket?: { assignedToId: string | null };
  assignTo?: string | null;
  ownerId?: string | null;
}

export function can(actor: Who & Pick<Actor, "id">, action: Action, subject: Subject = {}): boolean {
  const agent = isAgent(actor);
  const admin = agent && isAdmin(actor);
  switch (action) {
    case "ticket:create":
    case "ticket:mark-read":
    case "message:post":
    case "attachment:add":
      return true; // visibility (scope.ts) decides which tickets
    case "ticket:set-agent-fields":
    case "ticket:update":
    case "ticket:read-internal":
    case "message:post-internal":
    case "message:reply-as-agent":
    case "message:make-internal":
    case "preferences:manage":
    case "queue:view":
      return agent;
    case "ticket:delete":
      return admin;
    case "message:edit":
    case "message:delete":
    case "attachment:delete":
      // Own words and files stay editable by their author; beyond that only admins, so one
      // agent cannot rewrite another's reply to a customer.
      return (subject.ownerId != null && subject.ownerId === actor.id) || admin;
    case "ticket:change-status":
      return agent && (admin || subject.ticket?.assignedToId === actor.id);
    case "ticket:assign":
      if (!agent) return false;
      if (admin || subject.ticket?.assignedToId === actor.id) return true;
      // Taking an unassigned ticket for oneself is open to every agent.
      return subject.ticket?.assignedToId == null && subject.assignTo === actor.id;
  }
}

export function assertCan(actor: Who & Pick<Actor, "id">, action: Action, subject: Subject = {}, message?: string): void {
  if (!can(actor, action, subject)) throw new PermissionDeniedError(message);
}

/** What the ticket page may offer this actor, decided here rather than in the browser. */
export interface TicketCapabilities {
  canEdit: boolean;
  canAssignToOthers: boolean;
  canAssignToSelf: boolean;
  canUnassign: boolean;
  canChangeStatus: boolean;
  canDelete: boolean;
  canPostInternal: boolean;
}

export function ticketCapabilities(actor: Who & Pick<Actor, "id">, ticket: { assignedToId: string | null }): TicketCapabilities {
  const other = "00000000-0000-0000-0000-000000000000";
  return {
    canEdit: can(actor, "ticket:update", { ticket }),
    canAssignToOthers: can(actor, "ticket:assign", { ticket, assignTo: other }),
    canAssignToSelf: can(actor, "ticket:assign", { ticket, assignTo: actor.id }),
    canUnassign: ticket.assignedToId != null && can(actor, "ticket:assign", { ticket, assignTo: null }),
    canChangeStatus: can(actor, "ticket:change-status", { ticket }),
    canDelete: can(actor, "ticket:delete", { ticket }),
    canPostInternal: can(actor, "message:post-internal", { ticket }),
  };
}
