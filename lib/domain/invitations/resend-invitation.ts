import { db } from "@/lib/db/client";
import { withTransaction } from "@/lib/db/transaction";
import type { Actor } from "../actor";
import { recordAudit, type RequestOrigin } from "../audit/record-audit";
import { queueAccountMail } from "../auth/account-helpers";
import { hashToken, newTokenSecret } from "../auth/one-time-tokens";
import { NotFoundError, ValidationError } from "../errors";
import { assertCan } from "../policy";
import { expiryFromNow, invitationSelect, type InvitationRow } from "./invitation-select";

/**
 * Emails a pending or expired invitation again with a new link: the old link stops working
 * (its hash is replaced) and the 7 days start again.
 */
export async function resendInvitation(actor: Actor, id: string, origin: RequestOrigin | null = null): Promise<InvitationRow> {
  assertCan(actor, "invitation:manage", {}, "Only admins can resend invitations.");
  const prisma = await db();
  return withTransaction(prisma, async (tx) => {
    const inv = await tx.invitation.findUnique({ where: { id }, select: { role: true, acceptedAt: true, revokedAt: true, email: true } });
    if (!inv) throw new NotFoundError();
    assertCan(actor, "role:grant", { role: inv.role }, "Only a super admin can resend a super admin's invitation.");
    if (inv.acceptedAt) throw ValidationError.field("non_field_errors", "This invitation was already accepted.");
    if (inv.revokedAt) throw ValidationError.field("non_field_errors", "This invitation was revoked: invite the address again.");
    const secret = newTokenSecret();
    const row = await tx.invitation.update({
      where: { id },
      data: { tokenHash: hashToken(secret), expiresAt: expiryFromNow(), invitedById: actor.id },
      select: invitationSelect,
    });
    await queueAccountMail(tx, { mail: "invitation", userId: null, email: inv.email, name: "", secret, invitedBy: actor.name });
    await recordAudit(tx, {
      actor, origin, action: "invitation.resent", targetType: "invitation", targetId: id,
      summary: `Resent the invitation of ${inv.email} (the earlier link no longer works)`,
      changes: { expires_at: row.expiresAt.toISOString() },
    });
    return row;
  });
}
