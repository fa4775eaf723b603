import { db } from "@/lib/db/client";
import { withTransaction } from "@/lib/db/transaction";
import type { Actor } from "../actor";
import { NotFoundError, ValidationError } from "../errors";
import { assertCan, isAgent } from "../policy";
import { teamSelect, type TeamRow } from "./team-select";

/**
 * Puts an agent in a team. A user belongs to at most one team (users.team_id), so this moves
 * them out of any other. Customers are never team members.
 */
export async function addTeamMember(actor: Actor, teamId: string, userId: string): Promise<{ team: TeamRow; previousTeamId: string | null }> {
  assertCan(actor, "team:manage", {}, "Only admins can manage teams.");
  return withTransaction(await db(), async (tx) => {
    if (!(await tx.team.findUnique({ where: { id: teamId }, select: { id: true } }))) throw new NotFoundError();
    const user = await tx.user.findUnique({ where: { id: userId }, select: { role: true, isStaff: true, permissions: true, teamId: true } });
    if (!user) throw ValidationError.invalidPk("user", userId);
    if (!isAgent(user)) throw ValidationError.field("user", "Only agents and admins can be in a team.");
    await tx.user.update({ where: { id: userId }, data: { teamId } });
    return { team: await tx.team.findUniqueOrThrow({ where: { id: teamId }, select: teamSelect }), previousTeamId: user.teamId };
  });
}

/** Takes a member out of the team (404 when they are not in it). */
export async function removeTeamMember(actor: Actor, teamId: string, userId: string): Promise<TeamRow> {
  assertCan(actor, "team:manage", {}, "Only admins can manage teams.");
  return withTransaction(await db(), async (tx) => {
    const moved = await tx.user.updateMany({ where: { id: userId, teamId }, data: { teamId: null } });
    if (moved.count !== 1) throw new NotFoundError();
    return tx.team.findUniqueOrThrow({ where: { id: teamId }, select: teamSelect });
  });
}
