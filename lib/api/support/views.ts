import { z } from "zod";
import { boolField, listParams, pageOf } from "@/lib/schemas/common";
import { lastValues } from "@/lib/api/query";
import { zodToFields } from "@/lib/api/errors";
import type { Actor } from "@/lib/domain/actor";
import { can } from "@/lib/domain/policy";
import type { ViewInput, ViewRow } from "@/lib/domain/views/view-select";
import { ticketListQuerySchema } from "./schemas";
import { isoString } from "@/lib/time/iso";

/** Support API saved views: request schemas, output shape and the mapping to the domain. */

const FILTER_KEYS = new Set(Object.keys(ticketListQuerySchema.shape).filter((k) => k !== "cursor" && k !== "page_size"));

/**
 * A view's query: the queue URL's query string, checked with the ticket list's own schema (so a
 * saved view always opens) and normalized: known filters only, no cursor, no empty values.
 */
const viewQuery = z
  .string({ error: "Not a valid string." })
  .max(2000, { error: "Ensure this field has no more than 2000 characters." })
  .transform((raw, ctx) => {
    const params = new URLSearchParams(raw.replace(/^\?/, ""));
    const own = Object.fromEntries(Object.entries(lastValues(params, { dropEmpty: true })).filter(([k]) => FILTER_KEYS.has(k)));
    const parsed = ticketListQuerySchema.safeParse(own);
    if (!parsed.success) {
      for (const [k, msgs] of Object.entries(zodToFields(parsed.error))) ctx.addIssue({ code: "custom", message: `${k}: ${msgs.join(" ")}` });
      return z.NEVER;
    }
    return new URLSearchParams(own).toString();
  })
  .meta({ description: "The queue's query string (filters and `ordering`), as for GET /api/v1/support/tickets/: e.g. `status=new&tags=vip&ordering=sla_due_at`. Unknown keys and `cursor` are dropped." });

const name = z
  .string({ error: "Not a valid string." })
  .trim()
  .min(1, { error: "This field may not be blank." })
  .max(100, { error: "Ensure this field has no more than 100 characters." });
const position = z
  .number({ error: "A valid integer is required." })
  .int({ error: "A valid integer is required." })
  .min(0, { error: "Ensure this value is greater than or equal to 0." })
  .max(1000, { error: "Ensure this value is less than or equal to 1000." })
  .meta({ description: "Place (0-based) among the owner's views; the others move to make room." });
const shared = boolField.meta({ description: "Shared with the owner's team (its agents see it; the owner and admins edit it); personal otherwise." });

export const viewCreateSchema = z
  .object({ name, query: viewQuery.optional(), shared: shared.optional(), position: position.optional() })
  .meta({ id: "SavedViewCreate" });
export const viewUpdateSchema = viewCreateSchema.partial().meta({ id: "SavedViewUpdate" });
export const viewListQuerySchema = z.object({ ...listParams }).meta({ id: "SavedViewListQuery" });

export function toViewInput(w: z.output<typeof viewUpdateSchema>): ViewInput {
  const out: ViewInput = { name: w.name, query: w.query, shared: w.shared, position: w.position };
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined)) as ViewInput;
}

const iso = (d: Date) => isoString(d);

export function serializeView(v: ViewRow, actor: Actor) {
  return {
    id: v.id,
    name: v.name,
    query: v.query,
    shared: v.teamId != null,
    team: v.teamId,
    position: v.position,
    owner: v.ownerId,
    can_edit: can(actor, "saved-view:edit", { view: v }),
    created_at: iso(v.createdAt),
    updated_at: iso(v.updatedAt),
  };
}

const isoOut = z.string().meta({ format: "date-time" });
const uuid = z.string().meta({ format: "uuid" });
export const viewOut = z
  .object({
    id: uuid,
    name: z.string(),
    query: z.string().meta({ description: "Open the view at `/agent/?{query}`; count it with GET /api/v1/support/tickets/count/?{query}." }),
    shared: z.boolean(),
    team: uuid.nullable().meta({ description: "The team it is shared with; null: personal." }),
    position: z.number().int(),
    owner: uuid,
    can_edit: z.boolean(),
    created_at: isoOut,
    updated_at: isoOut,
  })
  .strict()
  .meta({ id: "SavedView" });
export const viewPageOut = pageOf(viewOut, "SavedViewPage");
