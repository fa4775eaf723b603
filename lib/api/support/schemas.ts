import { z } from "zod";
import {
  boolField,
  boolFilter,
  channelSchema,
  dateTimeSchema,
  directionSchema,
  idSchema,
  listParams,
  prioritySchema,
  rangeBound,
  statusSchema,
} from "@/lib/schemas/common";
import { tagListSchema, tagsFilterSchema } from "@/lib/schemas/tags";

/** Support API (/api/v1/support/) request schemas, in the contract's field names. */

// Unknown keys are ignored, as DRF serializers do (clients may send back read-only fields).
const subject = z
  .string()
  .trim()
  .min(1, { error: "This field may not be blank." })
  .max(255, { error: "Ensure this field has no more than 255 characters." });
const longText = (max: number) =>
  z.string({ error: "Not a valid string." }).max(max, {
    error: `Ensure this field has no more than ${max} characters.`,
  });
const category = z
  .string({ error: "Not a valid string." })
  .trim()
  .max(64, { error: "Ensure this field has no more than 64 characters." });
const watchers = z
  .array(idSchema, { error: "Expected a list of user ids." })
  .max(50, { error: "At most 50 watchers." });
const confidence = z
  .number({ error: "A valid number is required." })
  .min(0, { error: "Ensure this value is greater than or equal to 0." })
  .max(1, { error: "Ensure this value is less than or equal to 1." });

/** Fields only agents may send on create and update (all optional: PATCH semantics). */
export const agentTicketFields = {
  status: statusSchema.optional(),
  priority: prioritySchema.optional(),
  category: category.optional(),
  channel: channelSchema.optional(),
  sla_due_at: dateTimeSchema.nullable().optional(),
  assigned_to: idSchema.nullable().optional(),
  watchers: watchers.optional(),
  tags: tagListSchema.optional(),
  ai_summary: longText(20_000).nullable().optional(),
  ai_confidence_score: confidence.nullable().optional(),
  ai_first_response_time: z
    .number({ error: "A valid number is required." })
    .min(0, { error: "Ensure this value is greater than or equal to 0." })
    .nullable()
    .optional()
    .meta({ description: "Seconds the AI took to produce a first response." }),
  ai_auto_resolved: z.boolean({ error: "Must be a valid boolean." }).optional(),
};

export const ticketCreateSchema = z
  .object({
    subject,
    description: longText(20_000).optional(),
    initial_message: longText(50_000)
      .optional()
      .meta({ description: "Write-only: becomes the first message, in the same transaction." }),
    order: idSchema.nullable().optional(),
    user: idSchema.nullable().optional().meta({ description: "Agents only: the requester." }),
    contact: idSchema.nullable().optional().meta({ description: "Agents only: the CRM contact." }),
    ...agentTicketFields,
  })
  .meta({ id: "SupportTicketCreate" });
export type TicketCreateInput = z.output<typeof ticketCreateSchema>;

export const ticketUpdateSchema = z
  .object({
    subject: subject.optional(),
    description: longText(20_000).optional(),
    order: idSchema.nullable().optional(),
    contact: idSchema.nullable().optional(),
    ...agentTicketFields,
  })
  .meta({ id: "SupportTicketUpdate" });
export type TicketUpdateInput = z.output<typeof ticketUpdateSchema>;

export const ticketListQuerySchema = z
  .object({
    status: statusSchema.optional(),
    priority: prioritySchema.optional(),
    assigned_to: z
      .union([idSchema, z.enum(["me", "none"])], {
        error: "Enter a valid UUID, \"me\" or \"none\".",
      })
      .optional(),
    contact: idSchema.optional(),
    order: idSchema.optional(),
    channel: channelSchema.optional(),
    created_at_after: rangeBound("after").optional(),
    created_at_before: rangeBound("before").optional(),
    last_message_at_after: rangeBound("after").optional(),
    last_message_at_before: rangeBound("before").optional(),
    sla_due_at_after: rangeBound("after").optional(),
    sla_due_at_before: rangeBound("before").optional(),
    sla_overdue: boolFilter.optional(),
    tags: tagsFilterSchema.optional(),
    search: z.string().max(500, { error: "Search is limited to 500 characters." }).optional(),
    ordering: z.string().max(200).optional(),
    ...listParams,
  })
  .meta({ id: "SupportTicketListQuery" });
export type TicketListQuery = z.output<typeof ticketListQuerySchema>;

/** The list's filters without its paging and ordering (ignored if sent: the same query string works). */
export const ticketCountQuerySchema = ticketListQuerySchema
  .omit({ ordering: true, cursor: true, page_size: true })
  .meta({ id: "SupportTicketCountQuery" });

export const ticketCountOut = z
  .object({
    count: z.number().int().meta({ description: "Exact when `capped` is false; otherwise 1000." }),
    capped: z.boolean().meta({ description: "True when the view holds more than 1000 tickets (show \"1,000+\")." }),
  })
  .strict()
  .meta({ id: "SupportTicketCount" });

export const messageCreateSchema = z
  .object({
    ticket: idSchema,
    body: z
      .string()
      .max(50_000, { error: "Ensure this field has no more than 50000 characters." }),
    is_internal: boolField.optional(),
    status: statusSchema
      .optional()
      .meta({ description: "Agents: set this status in the same transaction (\"send and set pending\"). The assignee's or an admin's to set, as in a ticket PATCH." }),
  })
  .meta({ id: "SupportMessageCreate" });
export type MessageCreateInput = z.output<typeof messageCreateSchema>;

export const messageListQuerySchema = z.object({
  ticket: idSchema.optional(),
  direction: directionSchema.optional(),
  is_internal: boolFilter.optional(),
  created_at_after: rangeBound("after").optional(),
  created_at_before: rangeBound("before").optional(),
  ...listParams,
});
export type MessageListQuery = z.output<typeof messageListQuerySchema>;

export const eventListQuerySchema = z.object({
  ticket: idSchema.optional(),
  ...listParams,
});
export type EventListQuery = z.output<typeof eventListQuerySchema>;

export const tokenObtainSchema = z.object({
  email: z.string().trim().min(1, { error: "This field may not be blank." }).max(254),
  password: z.string().min(1, { error: "This field may not be blank." }).max(1024),
});
export const tokenRefreshSchema = z.object({
  refresh: z.string().min(1, { error: "This field may not be blank." }).max(4096),
});
