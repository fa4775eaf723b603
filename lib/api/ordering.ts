import type { SortSpec } from "@/lib/domain/tickets/types";

/**
 * DRF OrderingFilter semantics over a contract's orderable fields: a comma list, "-" for
 * descending, unknown fields ignored, duplicates dropped; nothing valid → the fallback.
 * Returns the domain's sort fields (the wire name → domain field table is the contract's).
 */
export function parseOrdering<F extends string>(
  raw: string | undefined,
  fields: Readonly<Record<string, F>>,
  fallback: string,
): SortSpec<F>[] {
  const parse = (s: string) => {
    const out: SortSpec<F>[] = [];
    const seen = new Set<string>();
    for (const part of s.split(",")) {
      const term = part.trim();
      const desc = term.startsWith("-");
      const name = desc ? term.slice(1) : term;
      if (!Object.hasOwn(fields, name) || seen.has(name)) continue;
      seen.add(name);
      out.push({ field: fields[name], dir: desc ? "desc" : "asc" });
    }
    return out;
  };
  const spec = raw ? parse(raw) : [];
  return spec.length ? spec : parse(fallback);
}

/** What Python's str.split() splits on: str.isspace() characters (not JS's \s: no U+FEFF, plus \x1c-\x1f and \x85). */
const PY_WHITESPACE = /[\t\n\v\f\r \x1c-\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/;

/**
 * DRF SearchFilter: NUL characters dropped, commas become spaces, then Python's str.split();
 * every term must match one of the search fields. No cap on the number of terms (the
 * parameter's length is bounded by the query schema instead). Duplicates change nothing.
 */
export function searchTerms(search: string | undefined): string[] {
  if (!search) return [];
  return [...new Set(search.replace(/\x00/g, "").replace(/,/g, " ").split(PY_WHITESPACE).filter(Boolean))];
}
