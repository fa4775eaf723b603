import type { Prisma } from "@/lib/db/generated/client";
import { db } from "@/lib/db/client";
import { withTransaction } from "@/lib/db/transaction";
import type { Actor } from "../actor";
import { ValidationError } from "../errors";
import { SETTINGS, type SettingKey, type Settings } from "./definitions";
import { assertSettingsAdmin, getSettings, type SettingsWithMeta } from "./get-settings";

/**
 * Changes some settings (admins only), each value through its schema, in one transaction.
 * A value equal to the current one is not a change: no row is written for it.
 */
export async function updateSettings(actor: Actor, patch: Partial<Settings>): Promise<SettingsWithMeta> {
  assertSettingsAdmin(actor);
  const errors: Record<string, string[]> = {};
  const clean: Partial<Record<SettingKey, unknown>> = {};
  for (const [key, value] of Object.entries(patch) as [SettingKey, unknown][]) {
    const parsed = SETTINGS[key].schema.safeParse(value);
    if (parsed.success) clean[key] = parsed.data;
    else errors[key] = parsed.error.issues.map((i) => i.message);
  }
  if (Object.keys(errors).length) throw new ValidationError(errors);
  const prisma = await db();
  return withTransaction(prisma, async (tx) => {
    const before = await getSettings(tx);
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const [key, value] of Object.entries(clean) as [SettingKey, unknown][]) {
      if (before.values[key] === value && before.changed[key]) continue;
      await tx.appSetting.upsert({
        where: { key },
        create: { key, value: value as Prisma.InputJsonValue, updatedById: actor.id },
        update: { value: value as Prisma.InputJsonValue, updatedById: actor.id },
      });
      if (before.values[key] !== value) changes[key] = { from: before.values[key], to: value };
    }
    await auditSettings(tx, actor, changes);
    return getSettings(tx);
  });
}

async function auditSettings(_tx: Prisma.TransactionClient, _actor: Actor, _changes: Record<string, { from: unknown; to: unknown }>) {
  // Audited once lib/domain/audit/record-audit.ts lands (admin-core).
}
