import { z } from "zod";

/**
 * The settings an admin changes in the browser (/admin/settings/, /api/v1/admin/settings/).
 * Each has a zod schema, used on every read and write, and a default in code that applies
 * while no row exists: a fresh install behaves as before this table existed.
 */
export const SETTINGS = {
  /** Anonymous visitors may open a ticket at /contact/ (and POST /api/v1/public/tickets/). */
  public_ticket_form: { schema: z.boolean(), default: (): boolean => false },
  /**
   * An agent's first public reply on an unassigned ticket assigns it to them. Without a row
   * the AUTO_ASSIGN_ON_REPLY environment variable decides (on unless 0/false/off/no), as it
   * did before this setting existed.
   */
  auto_assign_on_reply: { schema: z.boolean(), default: (): boolean => autoAssignOnReplyEnv() },
} as const;

export type SettingKey = keyof typeof SETTINGS;
export type SettingValue<K extends SettingKey> = z.output<(typeof SETTINGS)[K]["schema"]>;
export type Settings = { [K in SettingKey]: SettingValue<K> };

export const SETTING_KEYS = Object.keys(SETTINGS) as SettingKey[];

export function autoAssignOnReplyEnv(env: NodeJS.ProcessEnv = process.env): boolean {
  return !/^(0|false|off|no)$/i.test((env.AUTO_ASSIGN_ON_REPLY ?? "").trim());
}

export const isSettingKey = (k: string): k is SettingKey => Object.hasOwn(SETTINGS, k);
