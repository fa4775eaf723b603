import { db } from "@/lib/db/client";
import { actorSelect, type Actor } from "../actor";
import { ValidationError } from "../errors";

export interface Profile {
  id: string;
  email: string;
  name: string;
  role: string;
  hasPassword: boolean;
}

const profileSelect = { ...actorSelect, passwordHash: true } as const;

function toProfile(u: { id: string; email: string; name: string; role: string; passwordHash: string | null }): Profile {
  return { id: u.id, email: u.email, name: u.name, role: u.role, hasPassword: !!u.passwordHash };
}

/** The signed-in user's own account, as the profile page and /api/v1/auth/me/ show it. */
export async function getProfile(actor: Actor): Promise<Profile> {
  const prisma = await db();
  return toProfile(await prisma.user.findUniqueOrThrow({ where: { id: actor.id }, select: profileSelect }));
}

/** Changes what a user may change about themselves without a password: their name. */
export async function updateProfile(actor: Actor, input: { name?: string }): Promise<Profile> {
  const prisma = await db();
  if (input.name === undefined) return getProfile(actor);
  const name = input.name.trim();
  if (!name) throw ValidationError.field("name", "This field may not be blank.");
  const user = await prisma.user.update({ where: { id: actor.id }, data: { name }, select: profileSelect });
  // The CRM contact linked to the account carries the same name, as agents see it.
  await prisma.contact.updateMany({ where: { userId: actor.id }, data: { name } });
  return toProfile(user);
}
