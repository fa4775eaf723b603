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

/** DRF SearchFilter: terms split on whitespace and commas; every term must match. */
export function searchTerms(search: string | undefined): string[] {
  if (!search) return [];
  return [...new Set(search.replace(/\x00/g, "").split(/[\s,]+/).filter(Boolean))].slice(0, 10);
}
