import type { Role } from "@/lib/db/generated/client";
import { db } from "@/lib/db/client";
import type { Actor } from "../actor";
import { ValidationError } from "../errors";
import { getCrmTicket } from "./get-crm-ticket";
import { teamIdByName } from "./relations";
import { updateTicket } from "./update-ticket";

/**
 * Team of an assignee who belongs to no team, by role (the CRM seed's "assigned_team from
 * user.role"). A user's own team, when set, wins.
 */
export const ROLE_TEAMS: Partial<Record<Role, string>> = {
  customer_service: "Support",
  sales_manager: "Sales",
  admin: "Admin",
  super_admin: "Admin",
};

/**
 * Assigns (user_id) or unassigns (null) a ticket through updateTicket, so the permission
 * rule, the status move (new → assigned, assigned → new) and the assignment event are the
 * support API's. Then, for an assignee without a team, the team of their role is set.
 */
export async function assignTicket(actor: Actor, id: string, userId: string | null) {
  try {
    await updateTicket(actor, id, { assigned_to: userId });
  } catch (e) {
    if (e instanceof ValidationError && e.fields.assigned_to) throw new ValidationError({ user_id: e.fields.assigned_to });
    throw e;
  }
  if (userId) await applyRoleTeam(id, userId);
  return getCrmTicket(actor, id);
}

/** Sets the team of the assignee's role when the assignee belongs to no team. */
export async function applyRoleTeam(ticketId: string, userId: string) {
  const prisma = await db();
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { teamId: true, role: true } });
  const teamName = user && !user.teamId ? ROLE_TEAMS[user.role] : undefined;
  if (!teamName) return;
  await prisma.$transaction(async (tx) => {
    const teamId = await teamIdByName(tx, teamName);
    // Guarded by the assignee so a concurrent reassignment is never overwritten.
    await tx.$executeRaw`
      UPDATE tickets SET assigned_team_id = ${teamId}::uuid, version = version + 1, updated_at = now()
      WHERE id = ${ticketId}::uuid AND assigned_to_id = ${userId}::uuid
        AND assigned_team_id IS DISTINCT FROM ${teamId}::uuid`;
  });
}
