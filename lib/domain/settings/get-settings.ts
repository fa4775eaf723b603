import type { Prisma } from "@/lib/db/generated/client";
import { db } from "@/lib/db/client";
import type { Actor } from "../actor";
import { assertCan } from "../policy";
import { isSettingKey, SETTING_KEYS, SETTINGS, type SettingKey, type Settings, type SettingValue } from "./definitions";

type Reader = Pick<Prisma.TransactionClient, "appSetting">;

/** A stored value through its schema; a row that no longer fits (an old shape) counts as absent. */
function valueOf<K extends SettingKey>(key: K, stored: unknown): SettingValue<K> {
  const parsed = SETTINGS[key].schema.safeParse(stored);
  return (parsed.success ? parsed.data : SETTINGS[key].default()) as SettingValue<K>;
}

/** A setting from a row read elsewhere (null: no row, the default applies). */
export function settingFromStored<K extends SettingKey>(key: K, stored: unknown): SettingValue<K> {
  return stored == null ? (SETTINGS[key].default() as SettingValue<K>) : valueOf(key, stored);
}

/** One setting, read in the caller's transaction when given one. */
export async function getSetting<K extends SettingKey>(key: K, tx?: Reader): Promise<SettingValue<K>> {
  const client = tx ?? (await db());
  const row = await client.appSetting.findUnique({ where: { key }, select: { value: true } });
  return row ? valueOf(key, row.value) : (SETTINGS[key].default() as SettingValue<K>);
}

export interface SettingsWithMeta {
  values: Settings;
  /** When each stored setting last changed, and by whom (absent: the default applies). */
  changed: Partial<Record<SettingKey, { at: Date; byId: string | null }>>;
}

/** Every setting: stored values, defaults for the rest. */
export async function getSettings(tx?: Reader): Promise<SettingsWithMeta> {
  const client = tx ?? (await db());
  const rows = await client.appSetting.findMany({ select: { key: true, value: true, updatedAt: true, updatedById: true } });
  const values = Object.fromEntries(SETTING_KEYS.map((k) => [k, SETTINGS[k].default()])) as Record<SettingKey, unknown>;
  const changed: SettingsWithMeta["changed"] = {};
  for (const r of rows) {
    if (!isSettingKey(r.key)) continue;
    values[r.key] = valueOf(r.key, r.value);
    changed[r.key] = { at: r.updatedAt, byId: r.updatedById };
  }
  return { values: values as Settings, changed };
}

/** Settings are the admins' business: 403 for everyone else (an edge checks this before parsing a body). */
export function assertSettingsAdmin(actor: Actor): void {
  assertCan(actor, "settings:manage", {}, "Only admins can see or change settings.");
}

/** Every setting, for an admin. */
export async function getSettingsFor(actor: Actor): Promise<SettingsWithMeta> {
  assertSettingsAdmin(actor);
  return getSettings();
}
