import type { Prisma } from "@/lib/db/generated/client";
import { ValidationError } from "../errors";
import { isAgent } from "../policy";
import { actorSelect } from "../actor";

/** Lookups shared by ticket create/update: they validate references and name the field. */

export async function assertUsersExist(tx: Prisma.TransactionClient, ids: string[], field: string) {
  const unique = [...new Set(ids)];
  const found = await tx.user.findMany({ where: { id: { in: unique } }, select: { id: true } });
  const have = new Set(found.map((u) => u.id));
  const missing = unique.filter((id) => !have.has(id));
  if (missing.length) {
    throw new ValidationError({
      [field]: missing.map((id) => `Invalid pk "${id}" - object does not exist.`),
    });
  }
}

export async function assertAgentUser(tx: Prisma.TransactionClient, id: string, field: string) {
  const user = await tx.user.findUnique({ where: { id }, select: actorSelect });
  if (!user) throw ValidationError.field(field, `Invalid pk "${id}" - object does not exist.`);
  if (!user.isActive || !isAgent(user)) {
    throw ValidationError.field(field, "Tickets can only be assigned to active support agents.");
  }
  return user;
}

/** The CRM contact of a user, created from their email and name when missing. */
export async function ensureContactForUser(tx: Prisma.TransactionClient, userId: string) {
  const existing = await tx.contact.findUnique({
    where: { userId },
    select: { id: true, companyId: true },
  });
  if (existing) return existing;
  const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, name: true } });
  // A contact with the same email may exist unlinked (e.g. imported from the CRM): link it.
  return tx.contact.upsert({
    where: { email: user.email },
    create: { email: user.email, name: user.name, userId },
    update: { userId },
    select: { id: true, companyId: true },
  });
}

export async function teamIdByName(tx: Prisma.TransactionClient, name: string) {
  const found = await tx.team.findUnique({ where: { name }, select: { id: true } });
  if (found) return found.id;
  // ON CONFLICT: two transactions creating the first ticket of a category must not collide.
  await tx.$executeRaw`
    INSERT INTO teams (id, name, created_at) VALUES (gen_random_uuid(), ${name}, now())
    ON CONFLICT (name) DO NOTHING`;
  return (await tx.team.findUniqueOrThrow({ where: { name }, select: { id: true } })).id;
}
