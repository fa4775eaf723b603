import { db } from "@/lib/db/client";
import type { Actor } from "../actor";
import { assertCan } from "../policy";
import { normalizeTag } from "./tags";

/** How far back the suggestions look: the newest tickets scanned, and of those the tagged ones counted. */
export const TAG_SCAN_TICKETS = 100_000;
export const TAG_SAMPLE_TICKETS = 10_000;

export interface TagSuggestion {
  name: string;
  /** Tickets carrying the tag among the sampled ones (not an all-time total). */
  count: number;
}

/**
 * Popular tags for autocomplete, optionally containing `search` (tags are stored normalized,
 * so the term is normalized the same way). The work is bounded whatever the table's size: the
 * newest TAG_SCAN_TICKETS tickets are walked on the created_at index and the tags of at most
 * TAG_SAMPLE_TICKETS tagged ones are counted. Tags that begin with the term come first, then
 * the more used. Agents only: tags are a workspace vocabulary.
 */
export async function suggestTags(actor: Actor, opts: { search?: string; limit: number }): Promise<TagSuggestion[]> {
  assertCan(actor, "ticket:read-internal", {}, "Only support agents can list tags.");
  const term = normalizeTag(opts.search ?? "");
  const prisma = await db();
  const rows = await prisma.$queryRaw<{ name: string; count: number }[]>`
    WITH recent AS (
      SELECT tags FROM tickets ORDER BY created_at DESC, id DESC LIMIT ${TAG_SCAN_TICKETS}
    ), tagged AS (
      SELECT tags FROM recent WHERE cardinality(tags) > 0 LIMIT ${TAG_SAMPLE_TICKETS}
    )
    SELECT tag AS name, count(*)::int AS count
    FROM tagged, unnest(tagged.tags) AS tag
    WHERE ${term} = '' OR strpos(tag, ${term}) > 0
    GROUP BY tag
    ORDER BY (strpos(tag, ${term}) = 1) DESC, count(*) DESC, tag ASC
    LIMIT ${opts.limit}`;
  return rows.map((r) => ({ name: r.name, count: Number(r.count) }));
}
