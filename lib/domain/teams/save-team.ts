import type { Prisma } from "@/lib/db/generated/client";
import { db } from "@/lib/db/client";
import { withTransaction } from "@/lib/db/transaction";
import type { Actor } from "../actor";
import { NotFoundError, ValidationError } from "../errors";
import { assertCan } from "../policy";
import { teamSelect, type TeamRow } from "./team-select";

type Tx = Prisma.TransactionClient;

/** Team names are unique regardless of case ("Support" and "support" would be one team to people). */
async function assertNameFree(tx: Tx, name: string, exceptId?: string) {
  const clash = await tx.team.findFirst({ where: { name: { equals: name, mode: "insensitive" }, ...(exceptId ? { id: { not: exceptId } } : {}) }, select: { id: true } });
  if (clash) throw ValidationError.field("name", "A team with this name already exists.");
}

export async function createTeam(actor: Actor, input: { name: string }): Promise<TeamRow> {
  assertCan(actor, "team:manage", {}, "Only admins can manage teams.");
  const name = input.name.trim();
  return withTransaction(await db(), async (tx) => {
    await assertNameFree(tx, name);
    return tx.team.create({ data: { name }, select: teamSelect });
  });
}

export async function renameTeam(actor: Actor, id: string, input: { name: string }): Promise<TeamRow> {
  assertCan(actor, "team:manage", {}, "Only admins can manage teams.");
  const name = input.name.trim();
  return withTransaction(await db(), async (tx) => {
    if (!(await tx.team.findUnique({ where: { id }, select: { id: true } }))) throw new NotFoundError();
    await assertNameFree(tx, name, id);
    return tx.team.update({ where: { id }, data: { name }, select: teamSelect });
  });
}

/** Deletes a team: its members and tickets keep going, without a team. */
export async function deleteTeam(actor: Actor, id: string): Promise<TeamRow> {
  assertCan(actor, "team:manage", {}, "Only admins can manage teams.");
  return withTransaction(await db(), async (tx) => {
    const team = await tx.team.findUnique({ where: { id }, select: teamSelect });
    if (!team) throw new NotFoundError();
    await tx.team.delete({ where: { id } });
    return team;
  });
}
