import { ValidationError } from "../errors";

/**
 * Ticket tags, one list per ticket in one column (`tickets.tags`, text[] with a GIN index) that
 * both APIs read and write: the support API as a JSON list, the CRM as a comma string. Stored
 * normalized so a filter or a macro never misses "VIP" for "vip": trimmed, inner whitespace
 * collapsed, lower-case, first occurrence kept. A comma cannot be part of a tag (the CRM's
 * comma string would split it).
 */
export const MAX_TAGS = 30;
export const MAX_TAG_LENGTH = 50;

export function normalizeTag(raw: string): string {
  return raw.trim().replace(/\s+/g, " ").toLowerCase();
}

/** Normalized, deduplicated, empty entries dropped, order of first appearance kept. */
export function normalizeTags(raw: readonly string[]): string[] {
  const out: string[] = [];
  for (const r of raw) {
    const t = normalizeTag(r);
    if (t && !out.includes(t)) out.push(t);
  }
  return out;
}

/** Why a normalized list cannot be stored, or null when it can. */
export function tagListProblem(tags: readonly string[]): string | null {
  if (tags.length > MAX_TAGS) return `At most ${MAX_TAGS} tags.`;
  if (tags.some((t) => t.length > MAX_TAG_LENGTH)) return `Tags have at most ${MAX_TAG_LENGTH} characters.`;
  if (tags.some((t) => t.includes(","))) return "Tags may not contain commas.";
  return null;
}

/** Normalizes and checks a list headed for the column; the error names `field`. */
export function storableTags(raw: readonly string[], field = "tags"): string[] {
  const tags = normalizeTags(raw);
  const problem = tagListProblem(tags);
  if (problem) throw ValidationError.field(field, problem);
  return tags;
}

/** `current` with `add` appended (when missing) and `remove` taken out. */
export function editTags(current: readonly string[], add: readonly string[] = [], remove: readonly string[] = []): string[] {
  const drop = new Set(normalizeTags(remove));
  return normalizeTags([...current, ...add]).filter((t) => !drop.has(t));
}
