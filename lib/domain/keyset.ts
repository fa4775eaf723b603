/**
 * Keyset (cursor) pagination over an ordered list of sort keys ending in a unique id.
 * Nulls always sort last, in both directions. Works for any Prisma model: it only builds
 * `where` / `orderBy` objects.
 */
export type KeyValue = string | number | null;

export interface SortKey<Row> {
  field: string;
  dir: "asc" | "desc";
  nullable?: boolean;
  type: "date" | "number" | "string";
  get: (row: Row) => Date | number | string | null;
}

export interface Position {
  direction: "next" | "prev";
  values: KeyValue[];
}

type Where = Record<string, unknown>;

function decode(k: SortKey<unknown>, v: KeyValue): Date | number | string | null {
  if (v === null) return null;
  return k.type === "date" ? new Date(v as string) : v;
}

export function encodeKey<Row>(keys: SortKey<Row>[], row: Row): KeyValue[] {
  return keys.map((k) => {
    const v = k.get(row);
    return v instanceof Date ? v.toISOString() : (v as KeyValue);
  });
}

/** Validates decoded cursor values against the key types (a forged cursor must not reach SQL). */
export function valuesFit<Row>(keys: SortKey<Row>[], values: unknown): values is KeyValue[] {
  if (!Array.isArray(values) || values.length !== keys.length) return false;
  return keys.every((k, i) => {
    const v = values[i];
    if (v === null) return !!k.nullable;
    if (k.type === "number") return typeof v === "number" && Number.isFinite(v);
    if (k.type === "date") return typeof v === "string" && !Number.isNaN(new Date(v).getTime());
    return typeof v === "string" && v.length <= 200;
  });
}

function eq(k: SortKey<unknown>, v: KeyValue): Where {
  return { [k.field]: v === null ? null : decode(k, v) };
}

/** Rows strictly after (direction next) or before (prev) the position, lexicographically. */
export function keysetWhere<Row>(keys: SortKey<Row>[], pos: Position): Where {
  const terms: Where[] = [];
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i] as SortKey<unknown>;
    const v = pos.values[i];
    let cmp: Where | null;
    if (pos.direction === "next") {
      // Nothing sorts after NULL within this key (nulls are last).
      if (v === null) cmp = null;
      else {
        const strict = { [k.field]: { [k.dir === "asc" ? "gt" : "lt"]: decode(k, v) } };
        cmp = k.nullable ? { OR: [strict, { [k.field]: null }] } : strict;
      }
    } else {
      cmp =
        v === null
          ? { [k.field]: { not: null } }
          : { [k.field]: { [k.dir === "asc" ? "lt" : "gt"]: decode(k, v) } };
    }
    if (cmp) {
      const prefix = keys.slice(0, i).map((pk, j) => eq(pk as SortKey<unknown>, pos.values[j]));
      terms.push(prefix.length ? { AND: [...prefix, cmp] } : cmp);
    }
  }
  return terms.length ? { OR: terms } : { id: { in: [] } };
}

/**
 * DRF OrderingFilter semantics over a table of sortable columns: a comma list, "-" for
 * descending, unknown fields ignored, duplicates dropped; nothing valid → the fallback. The
 * id is always the final tie-breaker, in the direction of the last key.
 */
export function parseOrdering<Row extends { id: string }>(
  ordering: string | undefined,
  columns: Record<string, Omit<SortKey<Row>, "dir">>,
  fallback: string,
): SortKey<Row>[] {
  const parse = (raw: string) => {
    const keys: SortKey<Row>[] = [];
    const seen = new Set<string>();
    for (const part of raw.split(",")) {
      const term = part.trim();
      const desc = term.startsWith("-");
      const name = desc ? term.slice(1) : term;
      if (!Object.hasOwn(columns, name) || seen.has(name)) continue;
      seen.add(name);
      keys.push({ ...columns[name], dir: desc ? "desc" : "asc" });
    }
    return keys;
  };
  let keys = ordering ? parse(ordering) : [];
  if (keys.length === 0) keys = parse(fallback);
  keys.push({ field: "id", type: "string", dir: keys[keys.length - 1].dir, get: (r) => r.id });
  return keys;
}

export function keysetOrderBy<Row>(keys: SortKey<Row>[], reverse = false): Where[] {
  return keys.map((k) => {
    const dir = reverse ? (k.dir === "asc" ? "desc" : "asc") : k.dir;
    if (!k.nullable) return { [k.field]: dir };
    return { [k.field]: { sort: dir, nulls: reverse ? "first" : "last" } };
  });
}

export interface Page<Row> {
  rows: Row[];
  next: Position | null;
  prev: Position | null;
}

/**
 * Runs one query of size+1 rows and works out whether a next / previous page exists, without
 * counting anything.
 */
export async function paginate<Row>(
  keys: SortKey<Row>[],
  pos: Position | null,
  size: number,
  fetch: (args: { where: Where; orderBy: Where[]; take: number }) => Promise<Row[]>,
): Promise<Page<Row>> {
  const reverse = pos?.direction === "prev";
  const fetched = await fetch({
    where: pos ? keysetWhere(keys, pos) : {},
    orderBy: keysetOrderBy(keys, reverse),
    take: size + 1,
  });
  const more = fetched.length > size;
  let rows = fetched.slice(0, size);
  if (reverse) rows = rows.reverse();
  if (rows.length === 0) return { rows, next: null, prev: null };
  const hasNext = reverse ? true : more;
  const hasPrev = reverse ? more : pos !== null;
  return {
    rows,
    next: hasNext ? { direction: "next", values: encodeKey(keys, rows[rows.length - 1]) } : null,
    prev: hasPrev ? { direction: "prev", values: encodeKey(keys, rows[0]) } : null,
  };
}
