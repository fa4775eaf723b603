import type { NextRequest } from "next/server";
import { ValidationError } from "@/lib/domain/errors";
import { ticketEtag } from "@/lib/domain/tickets/etag";
import type { Preconditions } from "@/lib/domain/tickets/types";

/*
 * Validators of a ticket response and the preconditions of a ticket PATCH.
 *
 * ETag (the edit version) and Last-Modified (updatedAt) change together: on every change of
 * the ticket's own fields, not on new messages or read markers. An HTTP date has whole
 * seconds, so Last-Modified is updatedAt truncated to the second and If-Unmodified-Since is
 * compared at that precision (a ticket changed at 12:00:00.700 is "unmodified since"
 * 12:00:00). Two edits within one second cannot be told apart by date; If-Match with the
 * ETag is the exact check.
 */

/** IMF-fixdate of a time, e.g. "Sun, 22 Nov 2026 03:13:50 GMT" (sub-second part dropped). */
export function httpDate(d: Date): string {
  return d.toUTCString();
}

export function ticketValidators(t: { id: string; version: number; updatedAt: Date }): Record<string, string> {
  return { ETag: ticketEtag(t), "Last-Modified": httpDate(t.updatedAt) };
}

/**
 * If-Match and If-Unmodified-Since of a request. As HTTP specifies, If-Unmodified-Since is
 * ignored when If-Match is present (the ETag is the more precise validator); a date that
 * does not parse is a 400 rather than being silently ignored.
 */
export function ticketPreconditions(req: NextRequest): Preconditions {
  const ifMatch = req.headers.get("if-match");
  const raw = req.headers.get("if-unmodified-since");
  const date = raw ? new Date(raw) : null;
  if (date && Number.isNaN(date.getTime())) {
    throw ValidationError.field("non_field_errors", "If-Unmodified-Since must be an HTTP date.");
  }
  return { ifMatch, ifUnmodifiedSince: ifMatch != null ? null : date };
}

/** One entity tag as HTTP writes it: "…" or W/"…" (no quotes or commas inside). */
const ENTITY_TAG = /^(W\/)?"[^",]*"$/;

/**
 * The If-Match of a message post: absent (post regardless), "*", or a list of entity tags.
 * Anything else is a 400 rather than a guaranteed 412, so a client that forgot the quotes
 * learns why instead of seeing every reply refused as "changed by someone else".
 */
export function messageIfMatch(req: NextRequest): string | null {
  const raw = req.headers.get("if-match");
  if (raw == null) return null;
  const parts = raw.split(",").map((s) => s.trim());
  if (raw.trim() === "*" || (parts.length && parts.every((p) => ENTITY_TAG.test(p)))) return raw;
  throw ValidationError.field("non_field_errors", 'If-Match must be the ticket\'s ETag as received, quotes included (e.g. "1a2b3c4d-v3"), or *.');
}
