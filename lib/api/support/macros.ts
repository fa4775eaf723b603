import { z } from "zod";
import { boolField, boolFilter, idSchema, listParams, pageOf, PRIORITIES, prioritySchema, STATUSES, statusSchema } from "@/lib/schemas/common";
import { tagListSchema } from "@/lib/schemas/tags";
import type { Actor } from "@/lib/domain/actor";
import { can } from "@/lib/domain/policy";
import { macroAssignTo, type MacroInput, type MacroRow } from "@/lib/domain/macros/macro-select";
import { PLACEHOLDERS } from "@/lib/domain/macros/render-macro";
import type { MacroFilter } from "@/lib/domain/macros/list-macros";
import { supportMessageOut, supportTicketOut } from "./output-schemas";
import { iso } from "@/lib/time/iso";

/** Support API macros: request schemas, output shapes and the mapping to the domain. */
const assignTo = z
  .union([idSchema, z.enum(["me", "none"])], { error: "Enter a valid UUID, \"me\" or \"none\"." })
  .nullable()
  .meta({ description: "\"me\" (the agent applying it), \"none\" (unassign), an agent's id, or null (leave as is)." });

const macroFields = {
  body: z
    .string({ error: "Not a valid string." })
    .max(20_000, { error: "Ensure this field has no more than 20000 characters." })
    .meta({ description: `Reply text with placeholders: ${PLACEHOLDERS.map((p) => `{{${p}}}`).join(", ")}.` }),
  status: statusSchema.nullable(),
  priority: prioritySchema.nullable(),
  assigned_to: assignTo,
  add_tags: tagListSchema,
  remove_tags: tagListSchema,
  shared: boolField.meta({ description: "Shared with every agent (editable by its creator and admins); personal otherwise." }),
};
const name = z
  .string({ error: "Not a valid string." })
  .trim()
  .min(1, { error: "This field may not be blank." })
  .max(100, { error: "Ensure this field has no more than 100 characters." });

export const macroCreateSchema = z
  .object({
    name,
    body: macroFields.body.optional(),
    status: macroFields.status.optional(),
    priority: macroFields.priority.optional(),
    assigned_to: macroFields.assigned_to.optional(),
    add_tags: macroFields.add_tags.optional(),
    remove_tags: macroFields.remove_tags.optional(),
    shared: macroFields.shared.optional(),
  })
  .meta({ id: "MacroCreate" });
export const macroUpdateSchema = macroCreateSchema.partial().meta({ id: "MacroUpdate" });
type MacroWire = z.output<typeof macroUpdateSchema>;

export const macroListQuerySchema = z
  .object({
    search: z.string().max(200, { error: "Search is limited to 200 characters." }).optional(),
    shared: boolFilter.optional(),
    ...listParams,
  })
  .meta({ id: "MacroListQuery" });

export const applyMacroSchema = z
  .object({
    macro: idSchema,
    internal: boolField.optional().meta({ description: "Post the rendered body as an internal note instead of a reply." }),
  })
  .meta({ id: "ApplyMacro" });

export const MACRO_FIELD_NAMES: Readonly<Record<string, string>> = {
  assignTo: "assigned_to",
  addTags: "add_tags",
  removeTags: "remove_tags",
  macroId: "macro",
};

export function toMacroInput(w: MacroWire): MacroInput {
  const out: MacroInput = {
    name: w.name, body: w.body, status: w.status, priority: w.priority, assignTo: w.assigned_to,
    addTags: w.add_tags, removeTags: w.remove_tags, shared: w.shared,
  };
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined)) as MacroInput;
}

export function toMacroFilter(q: z.output<typeof macroListQuerySchema>): MacroFilter {
  return { ...(q.search ? { search: q.search } : {}), ...(q.shared !== undefined ? { shared: q.shared } : {}) };
}

export function serializeMacro(m: MacroRow, actor: Actor) {
  return {
    id: m.id,
    name: m.name,
    body: m.body,
    status: m.status,
    priority: m.priority,
    assigned_to: macroAssignTo(m),
    add_tags: m.addTags,
    remove_tags: m.removeTags,
    shared: m.shared,
    owner: m.ownerId,
    usage_count: m.usageCount,
    last_used_at: iso(m.lastUsedAt),
    can_edit: can(actor, "macro:edit", { macro: m }),
    created_at: iso(m.createdAt),
    updated_at: iso(m.updatedAt),
  };
}

const isoOut = z.string().meta({ format: "date-time" });
const uuid = z.string().meta({ format: "uuid" });
export const macroOut = z
  .object({
    id: uuid,
    name: z.string(),
    body: z.string(),
    status: z.enum(STATUSES).nullable(),
    priority: z.enum(PRIORITIES).nullable(),
    assigned_to: z.string().nullable().meta({ description: "\"me\", \"none\", an agent's id, or null." }),
    add_tags: z.array(z.string()),
    remove_tags: z.array(z.string()),
    shared: z.boolean(),
    owner: uuid.nullable(),
    usage_count: z.number().int(),
    last_used_at: isoOut.nullable(),
    can_edit: z.boolean(),
    created_at: isoOut,
    updated_at: isoOut,
  })
  .strict()
  .meta({ id: "Macro" });
export const macroPageOut = pageOf(macroOut, "MacroPage");
export const appliedMacroOut = z
  .object({ ticket: supportTicketOut, message: supportMessageOut.nullable() })
  .strict()
  .meta({ id: "AppliedMacro" });
