import type { Prisma } from "@/lib/db/generated/client";
import { db } from "@/lib/db/client";
import { withTransaction } from "@/lib/db/transaction";
import type { Actor } from "../actor";
import { recordAudit, type RequestOrigin } from "../audit/record-audit";
import { ValidationError } from "../errors";
import { SETTINGS, type SettingKey, type Settings } from "./definitions";
import { assertSettingsAdmin, getSettings, type SettingsWithMeta } from "./get-settings";

/**
 * Changes some settings (admins only), each value through its schema, in one transaction.
 * A value equal to the current one is not a change: no audit row is written for it. Changes
 * are audited in the same transaction.
 */
export async function updateSettings(actor: Actor, patch: Partial<Settings>, origin: RequestOrigin | null = null): Promise<SettingsWithMeta> {
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
    const keys = Object.keys(changes);
    if (keys.length) {
      await recordAudit(tx, {
        actor,
        action: "settings.updated",
        targetType: "settings",
        summary: `Changed ${keys.map((k) => `${k} to ${JSON.stringify(changes[k].to)}`).join(", ")}`,
        changes,
        origin,
      });
    }
    return getSettings(tx);
  });
}
