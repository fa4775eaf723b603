import type { Prisma } from "@/lib/db/generated/client";

/** A user as the admin area sees one: identity, access and state, never the password hash. */
export const managedUserSelect = {
  id: true,
  email: true,
  name: true,
  role: true,
  isStaff: true,
  isActive: true,
  permissions: true,
  emailVerifiedAt: true,
  createdAt: true,
  updatedAt: true,
  team: { select: { id: true, name: true } },
} as const satisfies Prisma.UserSelect;

export type ManagedUserRow = Prisma.UserGetPayload<{ select: typeof managedUserSelect }>;
