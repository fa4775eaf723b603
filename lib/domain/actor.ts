import type { Role } from "@/lib/db/generated/client";

/** Who is acting: the authenticated user, as the domain needs to see them. */
export interface Actor {
  id: string;
  email: string;
  name: string;
  role: Role;
  isStaff: boolean;
  permissions: string[];
  teamId: string | null;
}

export const actorSelect = {
  id: true,
  email: true,
  name: true,
  role: true,
  isStaff: true,
  permissions: true,
  teamId: true,
  isActive: true,
} as const;
