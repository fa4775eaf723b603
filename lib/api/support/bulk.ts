import { z } from "zod";
import { idSchema, prioritySchema, statusSchema } from "@/lib/schemas/common";
import { tagListSchema } from "@/lib/schemas/tags";
import { errorResponse } from "@/lib/api/errors";
import type { Actor } from "@/lib/domain/actor";
import { MAX_BULK_IDS, type BulkResult, type BulkUpdateInput } from "@/lib/domain/tickets/bulk-update-tickets";
import { SUPPORT_FIELD_NAMES } from "./mappers";
import { MACRO_FIELD_NAMES } from "./macros";
import { supportTicketOut } from "./output-schemas";
import { serializeTicket } from "./serialize";

/** POST /api/v1/support/tickets/bulk/: request schema, mapping and the per-id result list. */
export const bulkSchema = z
  .object({
    ids: z
      .array(idSchema, { error: "Expected a list of ticket ids." })
      .min(1, { error: "Send at least one ticket id." })
      .max(MAX_BULK_IDS, { error: `Send at most ${MAX_BULK_IDS} ticket ids.` }),
    changes: z
      .object({
        status: statusSchema.optional(),
        priority: prioritySchema.optional(),
        assigned_to: idSchema.nullable().optional(),
        add_tags: tagListSchema.optional(),
        remove_tags: tagListSchema.optional(),
        macro: idSchema.optional().meta({ description: "A macro applied to each ticket (its reply and actions)." }),
      }, { error: "Expected an object of changes." })
      .refine((c) => Object.values(c).some((v) => v !== undefined), { error: "Name at least one change." }),
    versions: z
      .record(z.string().max(64), z.number({ error: "A valid integer is required." }).int().min(1), { error: "Expected an object of ticket id → version." })
      .optional()
      .meta({ description: "Expected edit version (the `-vN` of the ETag) per ticket id; a ticket changed since is reported as 412." }),
  })
  .meta({ id: "SupportTicketBulk" });

export function toBulkInput(w: z.output<typeof bulkSchema>): BulkUpdateInput {
  const c = w.changes;
  const changes = Object.fromEntries(
    Object.entries({ status: c.status, priority: c.priority, assignedToId: c.assigned_to, addTags: c.add_tags, removeTags: c.remove_tags }).filter(([, v]) => v !== undefined),
  );
  const versions = w.versions ? Object.fromEntries(Object.entries(w.versions).map(([k, v]) => [k.toLowerCase(), v])) : undefined;
  return { ids: w.ids, changes, macroId: c.macro, versions };
}

const FIELDS = { ...SUPPORT_FIELD_NAMES, ...MACRO_FIELD_NAMES };

/** Each ticket's outcome, its error in the shape and status the single-ticket API would give. */
export async function serializeBulkResults(results: BulkResult[], actor: Actor) {
  return Promise.all(
    results.map(async (r) => {
      if (r.ok) return { id: r.id, status: "ok" as const, code: 200, detail: null, ticket: serializeTicket(r.ticket, actor) };
      const res = errorResponse(r.error, FIELDS);
      const body = (await res.json()) as Record<string, unknown>;
      const detail = typeof body.detail === "string" ? body.detail : "Invalid input.";
      return { id: r.id, status: "error" as const, code: res.status, detail, ...(typeof body.detail === "string" ? {} : { errors: body }) };
    }),
  );
}

export const bulkResultsOut = z
  .object({
    results: z.array(
      z
        .object({
          id: z.string().meta({ format: "uuid" }),
          status: z.enum(["ok", "error"]),
          code: z.number().int().meta({ description: "The HTTP status the single-ticket request would have had (200, 400, 403, 404, 412 …)." }),
          detail: z.string().nullable(),
          errors: z.record(z.string(), z.array(z.string())).optional().meta({ description: "Field errors when code is 400." }),
          ticket: supportTicketOut.optional(),
        })
        .strict(),
    ),
  })
  .strict()
  .meta({ id: "SupportTicketBulkResult" });
