import { z } from "zod";
import { UUID_RE, isUuid } from "@/lib/domain/ids";
import { CHANNELS, OPEN_STATUSES, PRIORITIES, STATUSES } from "@/lib/domain/tickets/types";
import "./error-messages";

/**
 * Shared zod building blocks. This folder is a leaf: it imports nothing server-only, so the
 * same schemas validate API input, browser forms and generate the OpenAPI document.
 */
export { CHANNELS, OPEN_STATUSES, PRIORITIES, STATUSES };
export const DIRECTIONS = ["inbound", "outbound"] as const;

const choice = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, {
    error: (iss) => `"${String(iss.input)}" is not a valid choice.`,
  });

export const statusSchema = choice(STATUSES);
export const prioritySchema = choice(PRIORITIES);
export const channelSchema = choice(CHANNELS);
export const directionSchema = choice(DIRECTIONS);


export const idSchema = z
  .string({
    error: (iss) =>
      iss.input === undefined ? "This field is required." : iss.input === null ? "This field may not be null." : "Must be a valid UUID.",
  })
  .regex(UUID_RE, { error: (iss) => `"${String(iss.input)}" is not a valid UUID.` })
  .transform((s) => s.toLowerCase())
  .meta({ format: "uuid" });

export { isUuid };

const ISO_DATETIME_RE =
  /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})?$/i;
const ISO_DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

function parseInstant(s: string): Date | null {
  if (!ISO_DATETIME_RE.test(s)) return null;
  // A datetime without an offset is read as UTC (the API's documented time zone).
  const withZone = /(Z|[+-]\d{2}:?\d{2})$/i.test(s) ? s : `${s}Z`;
  const d = new Date(withZone.replace(" ", "T"));
  return Number.isNaN(d.getTime()) ? null : d;
}

function parseDay(s: string): Date | null {
  if (!ISO_DATE_RE.test(s)) return null;
  const d = new Date(`${s}T00:00:00.000Z`);
  // Reject 2025-02-31 and friends: the round-trip must match.
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== s ? null : d;
}

/** An ISO 8601 datetime in a request body (timezone optional, UTC assumed). */
export const dateTimeSchema = z
  .string({ error: "Datetime has wrong format. Use ISO 8601, e.g. 2025-01-31T17:00:00Z." })
  .transform((s, ctx) => {
    const d = parseInstant(s.trim());
    if (!d) {
      ctx.addIssue({
        code: "custom",
        message: "Datetime has wrong format. Use ISO 8601, e.g. 2025-01-31T17:00:00Z.",
      });
      return z.NEVER;
    }
    return d;
  })
  .meta({ format: "date-time" });

/**
 * Lower / upper bound of a date-range filter. Inclusive; a date-only value covers that whole
 * day (UTC): `_after=2025-01-31` starts at 00:00, `_before=2025-01-31` ends at 23:59:59.999.
 */
export function rangeBound(side: "after" | "before") {
  return z
    .string()
    .transform((raw, ctx) => {
      const s = raw.trim();
      const day = parseDay(s);
      if (day) return side === "after" ? day : new Date(day.getTime() + 86_400_000 - 1);
      const d = parseInstant(s);
      if (!d) {
        ctx.addIssue({ code: "custom", message: "Enter a valid date/time." });
        return z.NEVER;
      }
      return d;
    })
    .meta({ description: "ISO 8601 date or datetime (inclusive)." });
}

/** django-filter BooleanFilter semantics: true/false/1/0 (any case). */
export const boolParam = z
  .string()
  .transform((raw, ctx) => {
    const s = raw.trim().toLowerCase();
    if (s === "true" || s === "1") return true;
    if (s === "false" || s === "0") return false;
    ctx.addIssue({ code: "custom", message: "Select a valid choice. Use true or false." });
    return z.NEVER;
  })
  .meta({ type: "boolean" });

/**
 * A boolean query filter as django-filter's BooleanWidget reads it: "true"/"false"/"1"/"0" in
 * any case; any other value means "no filter" (undefined), not an error.
 */
export const boolFilter = z
  .string()
  .transform((raw) => ({ "1": true, "0": false, true: true, false: false } as Record<string, boolean>)[raw.toLowerCase()])
  .meta({ type: "boolean", description: "true/false/1/0 (any case); other values do not filter." });

/** JSON-body boolean; multipart forms send strings, so "true"/"false" are accepted too. */
export const boolField = z.union([z.boolean(), boolParam], { error: "Must be a valid boolean." });


/** The DRF list parameters every cursor-paginated list takes. */
export const listParams = {
  cursor: z.string().max(2000).optional(),
  page_size: z.string().optional(),
};

/** The DRF cursor-pagination envelope around a list of items (for the OpenAPI document). */
export const pageOf = (item: z.ZodType, id: string) =>
  z.object({ next: z.string().nullable(), previous: z.string().nullable(), results: z.array(item) }).meta({ id });
