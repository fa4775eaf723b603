import type { Prisma } from "@/lib/db/generated/client";
import { ValidationError } from "../errors";
import { isAgent } from "../policy";
import { actorSelect } from "../actor";
import { ROLE_TEAMS } from "./routing";

/** Lookups shared by ticket create/update: they validate references and name the field. */

export async function assertUsersExist(tx: Prisma.TransactionClient, ids: string[], field: string) {
  const unique = [...new Set(ids)];
  const found = await tx.user.findMany({ where: { id: { in: unique } }, select: { id: true } });
  const have = new Set(found.map((u) => u.id));
  const missing = unique.filter((id) => !have.has(id));
  if (missing.length) {
    throw new ValidationError({ [field]: missing.map((id) => ValidationError.invalidPk(field, id).fields[field][0]) });
  }
}

export async function assertAgentUser(tx: Prisma.TransactionClient, id: string, field: string) {
  const user = await tx.user.findUnique({ where: { id }, select: actorSelect });
  if (!user) throw ValidationError.invalidPk(field, id);
  if (!user.isActive || !isAgent(user)) {
    throw ValidationError.field(field, "Tickets can only be assigned to active support agents.");
  }
  return user;
}

/** The CRM contact of a user, created from their email and name when missing. */
export async function ensureContactForUser(tx: Prisma.TransactionClient, userId: string) {
  const select = { id: true, companyId: true } as const;
  const existing = await tx.contact.findUnique({ where: { userId }, select });
  if (existing) return existing;
  const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, name: true } });
  // Never UPDATE a contact row that other transactions may be referencing (their FK checks
  // hold KEY SHARE locks on it): insert-if-absent, then link only an unlinked contact.
  await tx.$executeRaw`
    INSERT INTO contacts (id, email, name, user_id, created_at, updated_at)
    VALUES (gen_random_uuid(), ${user.email}, ${user.name}, ${userId}::uuid, now(), now())
    ON CONFLICT DO NOTHING`;
  const linked = await tx.contact.findUnique({ where: { userId }, select });
  if (linked) return linked;
  // A contact with this email exists unlinked (e.g. imported from the CRM): link it.
  await tx.contact.updateMany({ where: { email: user.email, userId: null }, data: { userId } });
  return (await tx.contact.findUnique({ where: { userId }, select })) ??
    tx.contact.findUniqueOrThrow({ where: { email: user.email }, select });
}

/** The team a ticket goes to when assigned to this user: their own team, else their role's. */
export async function teamForAssignee(
  tx: Prisma.TransactionClient,
  user: { teamId: string | null; role: string },
): Promise<string | null> {
  if (user.teamId) return user.teamId;
  const name = ROLE_TEAMS[user.role];
  return name ? teamIdByName(tx, name) : null;
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

/** Validates a company reference (400 naming the field, as DRF does for a bad pk). */
export async function assertCompanyExists(tx: Prisma.TransactionClient, id: string, field: string) {
  const c = await tx.company.findUnique({ where: { id }, select: { id: true } });
  if (!c) throw ValidationError.invalidPk(field, id);
}
