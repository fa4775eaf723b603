import { db } from "@/lib/db/client";
import { withTransaction } from "@/lib/db/transaction";
import { recordAudit, type RequestOrigin } from "../audit/record-audit";
import type { Actor } from "../actor";
import { ConflictError, NotFoundError } from "../errors";
import { assertCan } from "../policy";
import { loadSlaPolicies } from "./load-policies";
import { recomputeSlaClocks } from "./recompute-sla-clocks";
import { DEFAULT_POLICY_ID } from "./sla-policy-input";

/**
 * Admins remove a policy. Its open tickets move to the policy that matches them next (their
 * clocks keep the business time used), then the policy and its calendar go.
 */
export async function deleteSlaPolicy(actor: Actor, id: string, origin: RequestOrigin | null = null): Promise<void> {
  assertCan(actor, "sla-policy:manage", {}, "Only admins can manage SLA policies.");
  if (id === DEFAULT_POLICY_ID) throw new ConflictError("The default SLA policy cannot be deleted.");
  const prisma = await db();
  const cur = await prisma.slaPolicy.findUnique({ where: { id }, select: { isDefault: true, calendarId: true, name: true } });
  if (!cur) throw new NotFoundError();
  if (cur.isDefault) throw new ConflictError("The default SLA policy cannot be deleted.");
  const before = await loadSlaPolicies(prisma);
  await recomputeSlaClocks(before, { exclude: id });
  await withTransaction(prisma, async (tx) => {
    await tx.slaPolicy.deleteMany({ where: { id } });
    await tx.slaCalendar.deleteMany({ where: { id: cur.calendarId, policies: { none: {} } } });
    await recordAudit(tx, { actor, action: "sla_policy.deleted", targetType: "sla_policy", targetId: id, summary: `Deleted SLA policy "${cur.name}"`, origin });
  });
}
