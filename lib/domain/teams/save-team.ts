import type { Prisma } from "@/lib/db/generated/client";
import { db } from "@/lib/db/client";
import { withTransaction } from "@/lib/db/transaction";
import type { Actor } from "../actor";
import { recordAudit, type RequestOrigin } from "../audit/record-audit";
import { NotFoundError, ValidationError } from "../errors";
import { assertCan } from "../policy";
import { teamSelect, type TeamRow } from "./team-select";

type Tx = Prisma.TransactionClient;

/** Team names are unique regardless of case ("Support" and "support" would be one team to people). */
async function assertNameFree(tx: Tx, name: string, exceptId?: string) {
  const clash = await tx.team.findFirst({ where: { name: { equals: name, mode: "insensitive" }, ...(exceptId ? { id: { not: exceptId } } : {}) }, select: { id: true } });
  if (clash) throw ValidationError.field("name", "A team with this name already exists.");
}

export async function createTeam(actor: Actor, input: { name: string }, origin: RequestOrigin | null = null): Promise<TeamRow> {
  assertCan(actor, "team:manage", {}, "Only admins can manage teams.");
  const name = input.name.trim();
  return withTransaction(await db(), async (tx) => {
    await assertNameFree(tx, name);
    const team = await tx.team.create({ data: { name }, select: teamSelect });
    await recordAudit(tx, { actor, origin, action: "team.created", targetType: "team", targetId: team.id, summary: `Created the team ${name}`, changes: { name } });
    return team;
  });
}

export async function renameTeam(actor: Actor, id: string, input: { name: string }, origin: RequestOrigin | null = null): Promise<TeamRow> {
  assertCan(actor, "team:manage", {}, "Only admins can manage teams.");
  const name = input.name.trim();
  return withTransaction(await db(), async (tx) => {
    const before = await tx.team.findUnique({ where: { id }, select: { name: true } });
    if (!before) throw new NotFoundError();
    await assertNameFree(tx, name, id);
    const team = await tx.team.update({ where: { id }, data: { name }, select: teamSelect });
    if (before.name !== name) {
      await recordAudit(tx, { actor, origin, action: "team.renamed", targetType: "team", targetId: id, summary: `Renamed the team ${before.name} to ${name}`, changes: { name: { from: before.name, to: name } } });
    }
    return team;
  });
}

/** Deletes a team: its members and tickets keep going, without a team. */
export async function deleteTeam(actor: Actor, id: string, origin: RequestOrigin | null = null): Promise<TeamRow> {
  assertCan(actor, "team:manage", {}, "Only admins can manage teams.");
  return withTransaction(await db(), async (tx) => {
    const team = await tx.team.findUnique({ where: { id }, select: teamSelect });
    if (!team) throw new NotFoundError();
    await tx.team.delete({ where: { id } });
    await recordAudit(tx, {
      actor, origin, action: "team.deleted", targetType: "team", targetId: id,
      summary: `Deleted the team ${team.name} (${team.members.length} member${team.members.length === 1 ? "" : "s"} left without a team)`,
      changes: { name: team.name, members: team.members.map((m) => m.id) },
    });
    return team;
  });
}
