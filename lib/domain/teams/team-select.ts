import type { Prisma } from "@/lib/db/generated/client";
import type { SortKey } from "../keyset";

export const teamSelect = {
  id: true,
  name: true,
  createdAt: true,
  members: { select: { id: true, name: true, email: true, role: true, isActive: true }, orderBy: [{ name: "asc" }, { id: "asc" }] },
} as const satisfies Prisma.TeamSelect;

export type TeamRow = Prisma.TeamGetPayload<{ select: typeof teamSelect }>;

export const TEAM_KEYS: SortKey<TeamRow>[] = [
  { field: "name", dir: "asc", type: "string", get: (t) => t.name },
  { field: "id", dir: "asc", type: "string", get: (t) => t.id },
];
