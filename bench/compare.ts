/**
 * The bench-time proof that Caseflow and the reference server answer alike: the same envelope
 * keys, the same result keys in the same order, and the same values (a ticket's watchers
 * compared as a set: both order them by the time they were added, which ties in seeded data).
 */
type Json = Record<string, unknown>;

function normalize(r: Json): Json {
  return Array.isArray(r.watchers) ? { ...r, watchers: [...(r.watchers as string[])].sort() } : r;
}

/** Differences between two list responses (empty when they agree). */
export function compareLists(caseflow: string, bare: string): string[] {
  const a = JSON.parse(caseflow) as Json;
  const b = JSON.parse(bare) as Json;
  const problems: string[] = [];
  const keys = (o: Json) => Object.keys(o).join(",");
  if (keys(a) !== keys(b)) problems.push(`envelope keys differ: [${keys(a)}] vs [${keys(b)}]`);
  for (const k of ["next", "previous"]) if ((a[k] === null) !== (b[k] === null)) problems.push(`${k}: ${a[k] === null ? "null" : "a link"} vs ${b[k] === null ? "null" : "a link"}`);
  const ra = (a.results ?? []) as Json[];
  const rb = (b.results ?? []) as Json[];
  if (ra.length !== rb.length) problems.push(`${ra.length} results vs ${rb.length}`);
  for (let i = 0; i < Math.min(ra.length, rb.length); i++) {
    if (keys(ra[i]) !== keys(rb[i])) {
      problems.push(`result ${i}: keys [${keys(ra[i])}] vs [${keys(rb[i])}]`);
      break;
    }
    const x = normalize(ra[i]);
    const y = normalize(rb[i]);
    const diff = Object.keys(x).filter((k) => JSON.stringify(x[k]) !== JSON.stringify(y[k]));
    if (diff.length) {
      problems.push(`result ${i} (${String(x.id)}): ${diff.map((k) => `${k} ${JSON.stringify(x[k])} vs ${JSON.stringify(y[k])}`).join("; ")}`);
      break;
    }
  }
  return problems;
}
