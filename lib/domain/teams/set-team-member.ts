import { db } from "@/lib/db/client";
import { withTransaction } from "@/lib/db/transaction";
import type { Actor } from "../actor";
import { recordAudit, type RequestOrigin } from "../audit/record-audit";
import { NotFoundError, ValidationError } from "../errors";
import { assertCan, isAgent } from "../policy";
import { teamSelect, type TeamRow } from "./team-select";

/**
 * Puts an agent in a team. A user belongs to at most one team (users.team_id), so this moves
 * them out of any other. Customers are never team members.
 */
export async function addTeamMember(actor: Actor, teamId: string, userId: string, origin: RequestOrigin | null = null): Promise<TeamRow> {
  assertCan(actor, "team:manage", {}, "Only admins can manage teams.");
  return withTransaction(await db(), async (tx) => {
    const target = await tx.team.findUnique({ where: { id: teamId }, select: { name: true } });
    if (!target) throw new NotFoundError();
    const user = await tx.user.findUnique({ where: { id: userId }, select: { name: true, email: true, role: true, isStaff: true, permissions: true, teamId: true } });
    if (!user) throw ValidationError.invalidPk("user", userId);
    if (!isAgent(user)) throw ValidationError.field("user", "Only agents and admins can be in a team.");
    if (user.teamId !== teamId) {
      await tx.user.update({ where: { id: userId }, data: { teamId } });
      await recordAudit(tx, {
        actor, origin, action: "team.member_added", targetType: "user", targetId: userId,
        summary: `Put ${user.name || user.email} in the team ${target.name}`,
        changes: { team: { from: user.teamId, to: teamId } },
      });
    }
    return tx.team.findUniqueOrThrow({ where: { id: teamId }, select: teamSelect });
  });
}

/** Takes a member out of the team (404 when they are not in it). */
export async function removeTeamMember(actor: Actor, teamId: string, userId: string, origin: RequestOrigin | null = null): Promise<TeamRow> {
  assertCan(actor, "team:manage", {}, "Only admins can manage teams.");
  return withTransaction(await db(), async (tx) => {
    const moved = await tx.user.updateMany({ where: { id: userId, teamId }, data: { teamId: null } });
    if (moved.count !== 1) throw new NotFoundError();
    const team = await tx.team.findUniqueOrThrow({ where: { id: teamId }, select: teamSelect });
    const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { name: true, email: true } });
    await recordAudit(tx, {
      actor, origin, action: "team.member_removed", targetType: "user", targetId: userId,
      summary: `Took ${user.name || user.email} out of the team ${team.name}`,
      changes: { team: { from: teamId, to: null } },
    });
    return team;
  });
}
