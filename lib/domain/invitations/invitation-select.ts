import type { Prisma, Role } from "@/lib/db/generated/client";
import { ValidationError } from "../errors";

/** An invitation link works for 7 days (a resend starts the 7 days again). */
export const INVITATION_TTL_SECONDS = 7 * 24 * 3600;

/** Invitations are for staff: customers sign up themselves. */
export const INVITABLE_ROLES = ["customer_service", "sales_manager", "admin", "super_admin"] as const satisfies readonly Role[];

export const INVITATION_STATUSES = ["pending", "accepted", "revoked", "expired"] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];

export const invitationSelect = {
  id: true,
  email: true,
  role: true,
  teamId: true,
  invitedById: true,
  userId: true,
  expiresAt: true,
  acceptedAt: true,
  revokedAt: true,
  createdAt: true,
  team: { select: { id: true, name: true } },
  invitedBy: { select: { id: true, name: true, email: true } },
} as const satisfies Prisma.InvitationSelect;

export type InvitationRow = Prisma.InvitationGetPayload<{ select: typeof invitationSelect }>;

/** The status is derived from the timestamps, never stored: expiry needs no job. */
export function invitationStatus(i: Pick<InvitationRow, "acceptedAt" | "revokedAt" | "expiresAt">, now = new Date()): InvitationStatus {
  if (i.acceptedAt) return "accepted";
  if (i.revokedAt) return "revoked";
  return i.expiresAt <= now ? "expired" : "pending";
}

/** The same derivation as a `where`, for the list filter. */
export function invitationStatusWhere(status: InvitationStatus, now = new Date()): Prisma.InvitationWhereInput {
  switch (status) {
    case "accepted":
      return { acceptedAt: { not: null } };
    case "revoked":
      return { acceptedAt: null, revokedAt: { not: null } };
    case "expired":
      return { acceptedAt: null, revokedAt: null, expiresAt: { lte: now } };
    case "pending":
      return { acceptedAt: null, revokedAt: null, expiresAt: { gt: now } };
  }
}

/** Open: neither accepted nor revoked (pending or expired); at most one per address. */
export const openInvitation = { acceptedAt: null, revokedAt: null } as const;

export const expiryFromNow = () => new Date(Date.now() + INVITATION_TTL_SECONDS * 1000);

/** The team an invitation or a member move names must exist (DRF's wording for a bad pk). */
export async function assertTeamExists(tx: Prisma.TransactionClient, teamId: string | null | undefined, field = "team"): Promise<void> {
  if (teamId && !(await tx.team.findUnique({ where: { id: teamId }, select: { id: true } }))) throw ValidationError.invalidPk(field, teamId);
}
