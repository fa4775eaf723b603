import { Prisma } from "@/lib/db/generated/client";
import { db } from "@/lib/db/client";
import { withTransaction } from "@/lib/db/transaction";
import { OPEN_STATUSES } from "../tickets/constants";
import { clockStateOf, slaClockColumns } from "./clock-columns";
import { loadSlaPolicies } from "./load-policies";
import { builtInDefaultPolicy, matchPolicy, type SlaPolicy } from "./policies";
import { moveClocks } from "./reclock-ticket";

const reclockSelect = {
  id: true, status: true, priority: true, category: true, channel: true, assignedTeamId: true, companyId: true,
  createdAt: true, firstResponseAt: true, slaPolicyId: true, slaDueAt: true, slaWarnAt: true,
  firstResponseDueAt: true, nextResponseDueAt: true, resolutionDueAt: true, slaPausedAt: true, slaResolutionElapsed: true,
} satisfies Prisma.TicketSelect;

const t = (d: Date | null) => d?.getTime() ?? null;

/**
 * After a policy edit: every open ticket is matched again and its clocks measured against
 * its (new) policy, keeping the business time each clock has used under the policy as it
 * was (`before`). Batches of `batchSize` tickets, each in its own short transaction under
 * row locks, so an edit never holds every ticket at once. `exclude`: a policy about to be
 * deleted, whose tickets move on first. Returns how many tickets changed.
 */
export async function recomputeSlaClocks(before: SlaPolicy[], opts: { exclude?: string; batchSize?: number; at?: Date } = {}): Promise<number> {
  const prisma = await db();
  const size = opts.batchSize ?? 500;
  const at = opts.at ?? new Date();
  let after = "00000000-0000-0000-0000-000000000000";
  let changed = 0;
  for (;;) {
    const last = await withTransaction(prisma, async (tx) => {
      const policies = (await loadSlaPolicies(tx)).filter((p) => p.id !== opts.exclude);
      const ids = await tx.$queryRaw<{ id: string }[]>`
        SELECT id::text FROM tickets
        WHERE status::text IN (${Prisma.join([...OPEN_STATUSES])}) AND id > ${after}::uuid
        ORDER BY id LIMIT ${size} FOR NO KEY UPDATE`;
      if (!ids.length) return null;
      const rows = await tx.ticket.findMany({ where: { id: { in: ids.map((r) => r.id) } }, select: reclockSelect });
      for (const row of rows) {
        const prev = before.find((p) => p.id === row.slaPolicyId) ?? builtInDefaultPolicy();
        const policy = matchPolicy(policies, row);
        const cols = { ...slaClockColumns(moveClocks(clockStateOf(row), { prev, policy, from: row, to: row }, at), policy), slaPolicyId: policy.id };
        const same =
          cols.slaPolicyId === row.slaPolicyId && t(cols.slaDueAt) === t(row.slaDueAt) && t(cols.slaWarnAt) === t(row.slaWarnAt) &&
          t(cols.firstResponseDueAt) === t(row.firstResponseDueAt) && t(cols.nextResponseDueAt) === t(row.nextResponseDueAt) &&
          t(cols.resolutionDueAt) === t(row.resolutionDueAt) && t(cols.slaPausedAt) === t(row.slaPausedAt);
        if (same) continue;
        await tx.ticket.update({ where: { id: row.id }, data: cols, select: { id: true } });
        changed++;
      }
      return ids[ids.length - 1].id;
    });
    if (!last) return changed;
    after = last;
  }
}
