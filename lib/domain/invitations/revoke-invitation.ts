import { db } from "@/lib/db/client";
import { withTransaction } from "@/lib/db/transaction";
import type { Actor } from "../actor";
import { recordAudit, type RequestOrigin } from "../audit/record-audit";
import { NotFoundError, ValidationError } from "../errors";
import { assertCan } from "../policy";
import { invitationSelect, type InvitationRow } from "./invitation-select";

/**
 * Withdraws an invitation: its link stops working at once. Revoking a revoked one changes
 * nothing; an accepted one is an account now (deactivate the user instead).
 */
export async function revokeInvitation(actor: Actor, id: string, origin: RequestOrigin | null = null): Promise<InvitationRow> {
  assertCan(actor, "invitation:manage", {}, "Only admins can revoke invitations.");
  const prisma = await db();
  return withTransaction(prisma, async (tx) => {
    const inv = await tx.invitation.findUnique({ where: { id }, select: invitationSelect });
    if (!inv) throw new NotFoundError();
    if (inv.acceptedAt) throw ValidationError.field("non_field_errors", "This invitation was already accepted: deactivate the user instead.");
    if (inv.revokedAt) return inv;
    const row = await tx.invitation.update({ where: { id }, data: { revokedAt: new Date() }, select: invitationSelect });
    await recordAudit(tx, { actor, origin, action: "invitation.revoked", targetType: "invitation", targetId: id, summary: `Revoked the invitation of ${inv.email}` });
    return row;
  });
}
