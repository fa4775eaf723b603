import { db } from "@/lib/db/client";
import type { Role } from "@/lib/db/generated/client";
import { withTransaction } from "@/lib/db/transaction";
import type { Actor } from "../actor";
import { recordAudit, type RequestOrigin } from "../audit/record-audit";
import { normalizeEmail, queueAccountMail } from "../auth/account-helpers";
import { hashToken, newTokenSecret } from "../auth/one-time-tokens";
import { ValidationError } from "../errors";
import { assertCan, can } from "../policy";
import {
  assertTeamExists,
  expiryFromNow,
  INVITABLE_ROLES,
  invitationSelect,
  invitationStatus,
  openInvitation,
  type InvitationRow,
} from "./invitation-select";

export interface InviteInput {
  email: string;
  role: Role;
  teamId?: string | null;
}

/**
 * An admin invites someone by email to join as an agent or admin (a super_admin only by a
 * super_admin). The address must not have an account yet; one that already has a pending
 * invitation is refused (resend that one), while an expired one is closed and replaced. The
 * invitation email goes through the outbox in the same transaction.
 */
export async function inviteUser(actor: Actor, input: InviteInput, origin: RequestOrigin | null = null): Promise<InvitationRow> {
  assertCan(actor, "invitation:manage", {}, "Only admins can invite people.");
  const email = normalizeEmail(input.email);
  if (!(INVITABLE_ROLES as readonly string[]).includes(input.role)) {
    throw ValidationError.field("role", "Invitations are for agents and admins; customers sign up themselves.");
  }
  if (!can(actor, "role:grant", { role: input.role })) throw ValidationError.field("role", "Only a super admin can invite a super admin.");
  const prisma = await db();
  return withTransaction(prisma, async (tx) => {
    await assertTeamExists(tx, input.teamId);
    const user = await tx.user.findUnique({ where: { email }, select: { isActive: true } });
    if (user?.isActive) throw ValidationError.field("email", "A user with this email address already exists.");
    if (user) throw ValidationError.field("email", "This address belongs to a deactivated user: reactivate them instead.");
    const open = await tx.invitation.findFirst({ where: { email, ...openInvitation }, select: { id: true, acceptedAt: true, revokedAt: true, expiresAt: true } });
    if (open && invitationStatus(open) === "pending") {
      throw ValidationError.field("email", "This address already has a pending invitation. Resend it instead.");
    }
    // An expired one makes way: the partial unique index allows one open invitation per address.
    if (open) await tx.invitation.update({ where: { id: open.id }, data: { revokedAt: new Date() } });
    const secret = newTokenSecret();
    const row = await tx.invitation.create({
      data: { email, role: input.role, teamId: input.teamId ?? null, invitedById: actor.id, tokenHash: hashToken(secret), expiresAt: expiryFromNow() },
      select: invitationSelect,
    });
    await queueAccountMail(tx, { mail: "invitation", userId: null, email, name: "", secret, invitedBy: actor.name });
    await recordAudit(tx, {
      actor, origin, action: "invitation.created", targetType: "invitation", targetId: row.id,
      summary: `Invited ${email} as ${row.role}${row.team ? ` to ${row.team.name}` : ""}`,
      changes: { email, role: row.role, team: row.teamId, expires_at: row.expiresAt.toISOString() },
    });
    return row;
  });
}
