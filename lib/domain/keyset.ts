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
  /**
   * A key with few distinct values (priority, status): a page far into one value's rows is
   * started from the (key, id) position itself, not from the value's first row (keysetSlices).
   */
  fewValues?: boolean;
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
 * The rows after (or before) a position as disjoint slices, in fetch order, each one a range
 * of the ordering's index. The lexicographic OR of keysetWhere is only a filter to the
 * planner, so a deep page would scan the index from its start: a redundant bound on the first
 * key (`k <= v` for a descending key going forward) makes the position the index scan's start.
 * A nullable first key keeps its NULLs in a slice of their own (a range cannot include them).
 */
export function keysetSlices<Row>(keys: SortKey<Row>[], pos: Position): Where[] {
  const all = keysetWhere(keys, pos);
  const k = keys[0] as SortKey<unknown>;
  const v = pos.values[0];
  const forward = pos.direction === "next";
  if (v === null) {
    // Forward from NULL: only NULLs remain, and the filter already pins k IS NULL. Backward:
    // the NULLs before the position come first (nulls are last), then every non-NULL row.
    return forward ? [all] : [{ AND: [all, { [k.field]: null }] }, { [k.field]: { not: null } }];
  }
  if (k.fewValues && !k.nullable && keys.length > 1) {
    // The rows tied with the position on this key first: `k = v` and the rest of the keyset is
    // an exact start in the (k, …, id) index. A bound `k <= v` would start at the first row
    // with k = v and filter its way to the position: with four priorities, 200 pages into the
    // urgent tickets means reading 5,000 rows. The rows past v follow when the page is not full.
    const rest = keysetWhere(keys.slice(1), { direction: pos.direction, values: pos.values.slice(1) });
    const strict = (k.dir === "asc") === forward ? "gt" : "lt";
    return [{ AND: [eq(k, v), rest] }, { [k.field]: { [strict]: decode(k, v) } }];
  }
  const op = (k.dir === "asc") === forward ? "gte" : "lte";
  const bounded = { AND: [all, { [k.field]: { [op]: decode(k, v) } }] };
  return forward && k.nullable ? [bounded, { [k.field]: null }] : [bounded];
}

/**
 * The sort keys of an ordering: the requested columns in order, then the id as the final
 * tie-breaker in the direction of the last key, so every row has exactly one position.
 */
export function sortKeys<Row extends { id: string }, F extends string>(
  columns: Record<F, Omit<SortKey<Row>, "dir">>,
  spec: readonly { field: F; dir: "asc" | "desc" }[],
): SortKey<Row>[] {
  const keys: SortKey<Row>[] = spec.map((s) => ({ ...columns[s.field], dir: s.dir }));
  keys.push({ field: "id", type: "string", dir: keys.length ? keys[keys.length - 1].dir : "asc", get: (r) => r.id });
  return keys;
}

/** One page request: the sort keys, the position to continue from, and the page size. */
export interface PageRequest<Row> {
  keys: SortKey<Row>[];
  after: Position | null;
  size: number;
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
  { keys, after: pos, size }: PageRequest<Row>,
  fetch: (args: { where: Where; orderBy: Where[]; take: number }) => Promise<Row[]>,
): Promise<Page<Row>> {
  const reverse = pos?.direction === "prev";
  const orderBy = keysetOrderBy(keys, reverse);
  const fetched: Row[] = [];
  // A later slice is only read when the earlier ones did not fill the page.
  for (const where of pos ? keysetSlices(keys, pos) : [{}]) {
    if (fetched.length > size) break;
    fetched.push(...(await fetch({ where, orderBy, take: size + 1 - fetched.length })));
  }
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
