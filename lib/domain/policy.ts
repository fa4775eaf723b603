import type { Actor } from "./actor";
import { PermissionDeniedError } from "./errors";

/**
 * Who may do what, in one place. The API, the pages and the CRM API all call these; the UI
 * uses can() only to hide controls it would be refused anyway.
 *
 * The seed's rule: agents are staff, or hold one of the four support roles, or have the
 * `support.view_ticket` permission. Agents see every ticket; customers only their own.
 */
const AGENT_ROLES = new Set(["customer_service", "sales_manager", "admin", "super_admin"]);
const ADMIN_ROLES = new Set(["admin", "super_admin"]);

export function isAgent(actor: Pick<Actor, "role" | "isStaff" | "permissions">): boolean {
  return (
    actor.isStaff || AGENT_ROLES.has(actor.role) || actor.permissions.includes("support.view_ticket")
  );
}

export function isAdmin(actor: Pick<Actor, "role">): boolean {
  return ADMIN_ROLES.has(actor.role);
}

export type Action =
  | "ticket:update" // any agent: priority, category, watchers, SLA, AI fields...
  | "ticket:change-status" // the assignee or an admin
  | "ticket:assign" // the assignee or an admin; any agent may take an unassigned ticket
  | "ticket:delete" // admins only
  | "message:post-internal" // agents only
  | "message:edit" // the author or an admin (CRM comments)
  | "message:delete" // the author or an admin
  | "attachment:delete"; // the uploader or an admin

interface TicketLike {
  assignedToId: string | null;
}

export function can(
  actor: Actor,
  action: Action,
  ticket?: TicketLike,
  opts: { assignTo?: string | null; ownerId?: string | null } = {},
): boolean {
  switch (action) {
    case "message:edit":
    case "message:delete":
    case "attachment:delete":
      // Own words and files stay editable by their author; beyond that only admins, so one
      // agent cannot rewrite another's reply to a customer.
      return (opts.ownerId != null && opts.ownerId === actor.id) || (isAgent(actor) && isAdmin(actor));
    case "ticket:update":
    case "message:post-internal":
      return isAgent(actor);
    case "ticket:delete":
      return isAgent(actor) && isAdmin(actor);
    case "ticket:change-status":
      if (!isAgent(actor)) return false;
      return isAdmin(actor) || ticket?.assignedToId === actor.id;
    case "ticket:assign":
      if (!isAgent(actor)) return false;
      if (isAdmin(actor) || ticket?.assignedToId === actor.id) return true;
      // Taking an unassigned ticket for oneself is open to every agent.
      return ticket?.assignedToId == null && opts.assignTo === actor.id;
  }
}

export function assertCan(
  actor: Actor,
  action: Action,
  ticket?: TicketLike,
  opts: { assignTo?: string | null; ownerId?: string | null; message?: string } = {},
): void {
  if (!can(actor, action, ticket, opts)) throw new PermissionDeniedError(opts.message);
}
