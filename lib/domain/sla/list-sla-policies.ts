import { db } from "@/lib/db/client";
import type { Actor } from "../actor";
import { NotFoundError } from "../errors";
import { assertCan } from "../policy";
import { loadSlaPolicies } from "./load-policies";
import type { SlaPolicy } from "./policies";
import { DEFAULT_POLICY_ID } from "./sla-policy-input";

export type ListedSlaPolicy = SlaPolicy & { id: string; createdAt: Date | null; updatedAt: Date | null };

/** Every SLA policy in matching order, the default last (built in until someone edits it). Agents may read. */
export async function listSlaPolicies(actor: Actor): Promise<ListedSlaPolicy[]> {
  assertCan(actor, "sla-policy:read");
  const prisma = await db();
  const stamps = new Map((await prisma.slaPolicy.findMany({ select: { id: true, createdAt: true, updatedAt: true } })).map((r) => [r.id, r]));
  const policies = await loadSlaPolicies(prisma);
  const ordered = [...policies.filter((p) => !p.isDefault), ...policies.filter((p) => p.isDefault)];
  return ordered.map((p) => {
    const id = p.id ?? DEFAULT_POLICY_ID;
    return { ...p, id, createdAt: stamps.get(id)?.createdAt ?? null, updatedAt: stamps.get(id)?.updatedAt ?? null };
  });
}

export async function getSlaPolicy(actor: Actor, id: string): Promise<ListedSlaPolicy> {
  const found = (await listSlaPolicies(actor)).find((p) => p.id === id);
  if (!found) throw new NotFoundError();
  return found;
}
