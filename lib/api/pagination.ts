import type { Page, PageRequest, Position, SortKey } from "@/lib/domain/keyset";
import { NotFoundError, ValidationError } from "@/lib/domain/errors";
import { decodeCursor, encodeCursor } from "./cursor";

export const DEFAULT_PAGE_SIZE = 25;
export const MAX_PAGE_SIZE = 100;

/** What Python's int() accepts: surrounding whitespace, a sign, digits with single underscores between. */
const PY_INT = /^[\t\n\v\f\r \x1c-\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]*([+-]?\d(?:_?\d)*)[\t\n\v\f\r \x1c-\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]*$/;

/**
 * DRF's page_size: parsed as Python's int() parses the string ("1_0" is 10; "1e1", "0x10" and
 * "10.0" are not numbers); a missing, invalid, zero or negative size falls back to the
 * default; a larger one is capped.
 */
export function pageSize(raw: string | undefined): number {
  const m = raw === undefined ? null : PY_INT.exec(raw);
  const n = m ? Number(m[1].replace(/_/g, "")) : NaN;
  if (!Number.isSafeInteger(n) || n < 1) return Number.isFinite(n) && n > MAX_PAGE_SIZE ? MAX_PAGE_SIZE : DEFAULT_PAGE_SIZE;
  return Math.min(n, MAX_PAGE_SIZE);
}

/** DRF CursorPagination's answer to a cursor it cannot decode: 404 {"detail": "Invalid cursor"}. */
export class InvalidCursorError extends NotFoundError {
  constructor() {
    super("Invalid cursor");
  }
}

export interface ListPageOptions<Row, Out> {
  /** The list's name ("support.tickets"); with the sort keys it scopes the cursors. */
  name: string;
  keys: SortKey<Row>[];
  load: (page: PageRequest<Row>) => Promise<Page<Row>>;
  serialize: (row: Row) => Out;
  /** A fixed page size (pages); otherwise the URL's page_size. */
  size?: number;
  /** "first-page": a mangled cursor shows page one instead of failing (links pasted by people). */
  badCursor?: "error" | "first-page";
}

export interface ListEnvelope<Out> {
  next: string | null;
  previous: string | null;
  results: Out[];
}

/**
 * One page of a list for the API and the page loaders alike: reads `cursor` and `page_size`
 * from the URL, scopes the cursor to the list and its ordering (a cursor reused under another
 * ordering is refused, not a wrong page), and returns the DRF cursor-pagination envelope
 * with absolute URLs.
 */
export async function listPage<Row, Out>(url: URL, opts: ListPageOptions<Row, Out>): Promise<ListEnvelope<Out>> {
  const scope = `${opts.name}:${opts.keys.map((k) => `${k.dir === "desc" ? "-" : ""}${k.field}`).join(",")}`;
  const params = url.searchParams;
  const token = params.getAll("cursor").at(-1);
  let after: Position | null = null;
  try {
    after = decodeCursor(token, scope, opts.keys);
  } catch (e) {
    if (!(e instanceof ValidationError)) throw e;
    if (opts.badCursor !== "first-page") throw new InvalidCursorError();
  }
  const size = opts.size ?? pageSize(params.getAll("page_size").at(-1));
  const page = await opts.load({ keys: opts.keys, after, size });
  return {
    next: pageUrl(url, page.next, scope),
    previous: pageUrl(url, page.prev, scope),
    results: page.rows.map(opts.serialize),
  };
}

function pageUrl(current: URL, pos: Position | null, scope: string): string | null {
  if (!pos) return null;
  const url = new URL(current.href);
  const base = process.env.PUBLIC_URL?.trim();
  if (base) {
    const b = new URL(base);
    url.protocol = b.protocol;
    url.host = b.host;
  }
  url.searchParams.set("cursor", encodeCursor(pos, scope));
  return url.toString();
}

/** The cursor token of an envelope's next/previous URL (page loaders link by cursor). */
export function cursorOf(pageUrl: string | null): string | null {
  return pageUrl ? new URL(pageUrl).searchParams.get("cursor") : null;
}
