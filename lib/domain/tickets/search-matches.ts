import type { TicketSearchField } from "./types";

/**
 * A term is matched as a literal substring: Prisma hands `contains` to LIKE unescaped, so
 * the LIKE wildcards and the escape character are escaped here (`_` must not match anything).
 */
export function literal(term: string): string {
  return term.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export type SearchRelation = "contact" | "user" | "company";

/**
 * Per term, the ids of the contacts / requesters / companies whose searched column contains
 * it; a relation is absent when more than MATCH_CAP rows match.
 */
export type RelatedMatches = Map<string, Partial<Record<SearchRelation, string[]>>>;

/**
 * Past this many matching rows a term keeps the join form: such a common term matches many
 * tickets, so walking the ordering index finds a page quickly anyway.
 */
export const MATCH_CAP = 200;

/** Runs one statement and returns its rows (dbHandle().rows). */
type Rows = <T>(text: string, values: readonly unknown[]) => Promise<T[]>;

/**
 * Looks the related-table search columns up first (each through its own trigram index), in
 * one round trip, so the ticket query can test `contact_id IN (...)` on the tickets table
 * itself: an OR over joined tables cannot use any index, and a search without hits would
 * read every ticket.
 */
export async function relatedMatches(rows: Rows, terms: readonly string[], fields: readonly TicketSearchField[]): Promise<RelatedMatches> {
  const unique = [...new Set(terms)];
  const parts: string[] = [];
  const values: unknown[] = [];
  unique.forEach((term, i) => {
    values.push(`%${literal(term)}%`);
    const like = `$${values.length}::text`;
    const sub = (rel: SearchRelation, inner: string) =>
      `(SELECT ${i}::int AS term, '${rel}'::text AS rel, s.id::text AS id FROM (${inner} LIMIT ${MATCH_CAP + 1}) s)`;
    if (fields.includes("requesterEmail")) {
      parts.push(sub("contact", `SELECT id FROM contacts WHERE email ILIKE ${like}`));
      parts.push(sub("user", `SELECT id FROM users WHERE email ILIKE ${like}`));
    }
    if (fields.includes("companyName")) parts.push(sub("company", `SELECT id FROM companies WHERE name ILIKE ${like}`));
  });
  const out: RelatedMatches = new Map(unique.map((t) => [t, {}]));
  if (parts.length === 0) return out;
  const found = unique.map(() => ({ contact: [] as string[], user: [] as string[], company: [] as string[] }));
  for (const r of await rows<{ term: number; rel: SearchRelation; id: string }>(parts.join(" UNION ALL "), values)) found[r.term][r.rel].push(r.id);
  unique.forEach((term, i) => {
    const m = out.get(term)!;
    for (const rel of ["contact", "user", "company"] as const) {
      if (found[i][rel].length <= MATCH_CAP) m[rel] = found[i][rel];
    }
  });
  return out;
}
