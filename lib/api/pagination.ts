import type { NextRequest } from "next/server";
import type { Page, Position, SortKey } from "@/lib/domain/keyset";
import { decodeCursor, encodeCursor } from "./cursor";

export const DEFAULT_PAGE_SIZE = 25;
export const MAX_PAGE_SIZE = 100;

/** DRF semantics: a missing or invalid page_size falls back to the default; larger is capped. */
export function pageSize(raw: string | undefined): number {
  const n = raw === undefined ? NaN : Number(raw);
  if (!Number.isInteger(n) || n < 1) return DEFAULT_PAGE_SIZE;
  return Math.min(n, MAX_PAGE_SIZE);
}

export function cursorPosition<Row>(req: NextRequest, scope: string, keys: SortKey<Row>[]): Position | null {
  return decodeCursor(req.nextUrl.searchParams.get("cursor") ?? undefined, scope, keys);
}

function pageUrl(req: NextRequest, pos: Position | null, scope: string): string | null {
  if (!pos) return null;
  const url = new URL(req.nextUrl.href);
  const base = process.env.PUBLIC_URL?.trim();
  if (base) {
    const b = new URL(base);
    url.protocol = b.protocol;
    url.host = b.host;
  }
  url.searchParams.set("cursor", encodeCursor(pos, scope));
  return url.toString();
}

/** The DRF cursor-pagination envelope: {"next", "previous", "results"} with absolute URLs. */
export function pageBody<Row, Out>(req: NextRequest, page: Page<Row>, scope: string, serialize: (r: Row) => Out) {
  return {
    next: pageUrl(req, page.next, scope),
    previous: pageUrl(req, page.prev, scope),
    results: page.rows.map(serialize),
  };
}
