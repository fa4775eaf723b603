import { db } from "@/lib/db/client";
import { withTransaction } from "@/lib/db/transaction";
import { actorSelect, type Actor } from "../actor";
import { recordAudit, type RequestOrigin } from "../audit/record-audit";
import { hashToken, isTokenShaped } from "../auth/one-time-tokens";
import { hashPassword } from "../auth/password";
import { assertStrongPassword } from "../auth/password-strength";
import { ValidationError } from "../errors";
import { invitationStatus } from "./invitation-select";

export interface AcceptInvitationInput {
  token: string;
  name: string;
  password: string;
}

const TOKEN_ERRORS = {
  invalid: "This invitation link is invalid. Open the newest invitation email, or ask an admin to resend it.",
  accepted: "This invitation was already accepted. Sign in instead.",
  revoked: "This invitation was withdrawn. Ask an admin for a new one.",
  expired: "This invitation has expired. Ask an admin to resend it.",
} as const;

/**
 * The invitee sets a name and password from the emailed link: the account is created with the
 * invitation's role and team, its address counts as verified (the link reached it), and the
 * link is spent. The token is looked up by its SHA-256 (no secret comparison of our own), and
 * spent by one conditional UPDATE, so of two concurrent accepts exactly one creates the user.
 * Only the link's holder sees why a link fails, so the reason is told plainly.
 */
export async function acceptInvitation(input: AcceptInvitationInput, origin: RequestOrigin | null = null): Promise<Actor> {
  const name = input.name.trim();
  if (!name) throw ValidationError.field("name", "This field may not be blank.");
  assertStrongPassword(input.password, [name]);
  const passwordHash = await hashPassword(input.password);
  const prisma = await db();
  return withTransaction(prisma, async (tx) => {
    const tokenHash = isTokenShaped(input.token) ? hashToken(input.token) : null;
    const inv = tokenHash ? await tx.invitation.findUnique({ where: { tokenHash }, select: { id: true, email: true, role: true, teamId: true, acceptedAt: true, revokedAt: true, expiresAt: true } }) : null;
    if (!inv) throw ValidationError.field("token", TOKEN_ERRORS.invalid);
    const status = invitationStatus(inv);
    if (status !== "pending") throw ValidationError.field("token", TOKEN_ERRORS[status]);
    assertStrongPassword(input.password, [name, inv.email]); // throws: nothing is spent
    const spent = await tx.$executeRaw`
      UPDATE invitations SET accepted_at = now()
      WHERE id = ${inv.id}::uuid AND token_hash = ${tokenHash} AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > now()`;
    if (spent !== 1) throw ValidationError.field("token", TOKEN_ERRORS.accepted);
    if (await tx.user.findUnique({ where: { email: inv.email }, select: { id: true } })) {
      throw ValidationError.field("non_field_errors", "An account with this address already exists. Sign in instead.");
    }
    const user = await tx.user.create({
      data: { email: inv.email, name, role: inv.role, teamId: inv.teamId, passwordHash, emailVerifiedAt: new Date() },
      select: actorSelect,
    });
    await tx.invitation.update({ where: { id: inv.id }, data: { userId: user.id } });
    await recordAudit(tx, {
      actor: user, origin, action: "invitation.accepted", targetType: "invitation", targetId: inv.id,
      summary: `${name} <${inv.email}> accepted the invitation and joined as ${inv.role}`,
      changes: { user: user.id, role: inv.role, team: inv.teamId },
    });
    const { isActive: _a, ...actor } = user;
    return actor;
  });
}
