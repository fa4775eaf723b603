import { z } from "zod";
import { boolField, boolFilter, dateTimeSchema, idSchema, listParams, pageOf, prioritySchema, statusSchema } from "@/lib/schemas/common";

/**
 * CRM ticket API (/api/v1/tickets/, /ticket-comments/, /ticket-attachments/) request schemas:
 * the CRM contract's field names, mapped onto the same domain as the support API
 * (comment = message, internal note = internal message, due_date = SLA due time).
 */

const subject = z
  .string()
  .trim()
  .min(1, { error: "This field may not be blank." })
  .max(255, { error: "Ensure this field has no more than 255 characters." });
const description = z
  .string({ error: "Not a valid string." })
  .max(20_000, { error: "Ensure this field has no more than 20000 characters." });
const category = z
  .string({ error: "Not a valid string." })
  .trim()
  .max(64, { error: "Ensure this field has no more than 64 characters." });

/** The CRM keeps tags as one comma-separated string; the domain stores a list. */
export const tagsString = z
  .string({ error: "Not a valid string." })
  .max(1_000, { error: "Ensure this field has no more than 1000 characters." })
  .transform((s, ctx) => {
    const list = [...new Set(s.split(",").map((t) => t.trim()).filter(Boolean))];
    if (list.length > 30) ctx.addIssue({ code: "custom", message: "At most 30 tags." });
    if (list.some((t) => t.length > 50)) ctx.addIssue({ code: "custom", message: "Tags have at most 50 characters." });
    return list;
  })
  .meta({ description: "Comma-separated tags, e.g. \"vip, zone-offline\"." });

const commentText = z
  .string()
  .max(50_000, { error: "Ensure this field has no more than 50000 characters." })
  .refine((s) => s.trim().length > 0, { error: "This field may not be blank." });

const ticketFields = {
  description: description.optional(),
  status: statusSchema.optional(),
  priority: prioritySchema.optional(),
  category: category.optional(),
  company: idSchema.nullable().optional(),
  contact: idSchema.nullable().optional(),
  assigned_to: idSchema.nullable().optional(),
  due_date: dateTimeSchema.nullable().optional().meta({ description: "The SLA due time." }),
  tags: tagsString.optional(),
};

// Unknown keys are ignored, as DRF serializers do: clients send back read-only fields.
export const crmTicketCreateSchema = z.object({ subject, ...ticketFields }).meta({ id: "CrmTicketCreate" });
export type CrmTicketCreateInput = z.output<typeof crmTicketCreateSchema>;

export const crmTicketUpdateSchema = z
  .object({ subject: subject.optional(), ...ticketFields })
  .meta({ id: "CrmTicketUpdate" });
export type CrmTicketUpdateInput = z.output<typeof crmTicketUpdateSchema>;

export const CRM_ORDERING_FIELDS = ["created_at", "priority", "status", "due_date"] as const;

export const crmTicketListQuerySchema = z
  .object({
    status: statusSchema.optional(),
    priority: prioritySchema.optional(),
    category: z.string().max(64).optional(),
    company: idSchema.optional(),
    assigned_to: idSchema.optional(),
    assigned_team: z.string().max(100).optional().meta({ description: "Team name, e.g. Tech." }),
    my_tickets: boolFilter.optional(),
    unassigned: boolFilter.optional(),
    open: boolFilter.optional(),
    search: z.string().max(500, { error: "Search is limited to 500 characters." }).optional(),
    ordering: z
      .string()
      .max(200)
      .optional()
      .meta({ description: `Comma list of ${CRM_ORDERING_FIELDS.join(", ")}; "-" for descending. Default -created_at.` }),
    ...listParams,
  })
  .meta({ id: "CrmTicketListQuery" });
export type CrmTicketListQuery = z.output<typeof crmTicketListQuerySchema>;

export const crmAddCommentSchema = z
  .object({ text: commentText, is_internal: boolField.optional() })
  .meta({ id: "CrmAddComment" });
export type CrmAddCommentInput = z.output<typeof crmAddCommentSchema>;

export const crmAssignSchema = z
  .object({
    user_id: idSchema.nullable().meta({ description: "The agent, or null to unassign." }),
  })
  .meta({ id: "CrmAssign" });
export type CrmAssignInput = z.output<typeof crmAssignSchema>;

export const crmCommentCreateSchema = z
  .object({ ticket: idSchema, text: commentText, is_internal: boolField.optional() })
  .meta({ id: "CrmCommentCreate" });
export type CrmCommentCreateInput = z.output<typeof crmCommentCreateSchema>;

export const crmCommentUpdateSchema = z
  .object({ text: commentText.optional(), is_internal: boolField.optional() })
  .meta({ id: "CrmCommentUpdate" });
export type CrmCommentUpdateInput = z.output<typeof crmCommentUpdateSchema>;

export const crmCommentListQuerySchema = z
  .object({ ticket: idSchema.optional(), ...listParams })
  .meta({ id: "CrmCommentListQuery" });
export type CrmCommentListQuery = z.output<typeof crmCommentListQuerySchema>;

/** Multipart fields besides the file itself. */
export const crmAttachmentCreateSchema = z
  .object({
    ticket: idSchema,
    file: z.any().optional().meta({ type: "string", format: "binary", description: "The file (multipart)." }),
  })
  .meta({ id: "CrmAttachmentCreate" });

// Response shapes, for the OpenAPI document only (the serializers are the source of truth).
const iso = z.string().meta({ format: "date-time" });
export const crmCommentResponse = z
  .object({
    id: z.string(),
    ticket: z.string(),
    author: z.string().nullable(),
    author_name: z.string().nullable(),
    author_role: z.string().nullable(),
    text: z.string(),
    is_internal: z.boolean(),
    created_at: iso,
    updated_at: iso,
  })
  .meta({ id: "CrmComment" });
export const crmAttachmentResponse = z
  .object({
    id: z.string(),
    ticket: z.string(),
    file: z.string(),
    name: z.string(),
    size: z.number().int(),
    content_type: z.string(),
    uploaded_by: z.string().nullable(),
    uploaded_by_name: z.string().nullable(),
    created_at: iso,
  })
  .meta({ id: "CrmAttachment" });
const nullableId = z.string().nullable();
export const crmTicketResponse = z
  .object({
    id: z.string(),
    ticket_number: z.string().meta({ description: "T-YYYYMMDD-NNNN" }),
    subject: z.string(),
    description: z.string(),
    status: statusSchema,
    priority: prioritySchema,
    category: z.string(),
    company: nullableId,
    company_name: z.string().nullable(),
    contact: nullableId,
    contact_name: z.string().nullable(),
    assigned_to: nullableId,
    assigned_to_name: z.string().nullable(),
    assigned_team: z.string().nullable(),
    created_by: nullableId,
    created_by_name: z.string().nullable(),
    first_response_at: iso.nullable(),
    resolved_at: iso.nullable(),
    closed_at: iso.nullable(),
    due_date: iso.nullable(),
    first_response_time_hours: z.number().nullable(),
    resolution_time_hours: z.number().nullable(),
    is_overdue: z.boolean(),
    tags: z.string(),
    comments: z.array(crmCommentResponse),
    attachments: z.array(crmAttachmentResponse),
    comments_count: z.number().int(),
    internal_notes_count: z.number().int(),
    created_at: iso,
    updated_at: iso,
    merged_into: nullableId.describe("The ticket this one was merged into; it is closed and its thread moved there. Read-only."),
  })
  .meta({ id: "CrmTicket" });
const counts = (keys: readonly string[]) => z.object(Object.fromEntries(keys.map((k) => [k, z.number().int()])));
export const crmStatsResponse = z
  .object({
    total: z.number().int(),
    by_status: counts(statusSchema.options),
    by_priority: counts(prioritySchema.options),
    my_open_tickets: z.number().int(),
    unassigned: z.number().int(),
    overdue: z.number().int(),
  })
  .meta({ id: "CrmTicketStats" });

export interface CrmOperation {
  method: "get" | "post" | "patch" | "delete";
  path: string;
  summary: string;
  query?: z.ZodType;
  body?: z.ZodType;
  /** "multipart" bodies are multipart/form-data, the rest JSON. */
  bodyType?: "json" | "multipart";
  response?: z.ZodType;
  status?: number;
}

/** Every CRM operation, for the OpenAPI document ({id} is a UUID path parameter). */
export const crmOperations: CrmOperation[] = [
  { method: "get", path: "/api/v1/tickets/", summary: "List tickets", query: crmTicketListQuerySchema, response: pageOf(crmTicketResponse, "CrmTicketPage") },
  { method: "post", path: "/api/v1/tickets/", summary: "Create a ticket", body: crmTicketCreateSchema, response: crmTicketResponse, status: 201 },
  { method: "get", path: "/api/v1/tickets/stats/", summary: "Ticket statistics", response: crmStatsResponse },
  { method: "get", path: "/api/v1/tickets/{id}/", summary: "Get a ticket with comments and attachments", response: crmTicketResponse },
  { method: "patch", path: "/api/v1/tickets/{id}/", summary: "Update a ticket", body: crmTicketUpdateSchema, response: crmTicketResponse },
  { method: "delete", path: "/api/v1/tickets/{id}/", summary: "Delete a ticket (admins)", status: 204 },
  { method: "post", path: "/api/v1/tickets/{id}/add_comment/", summary: "Add a comment or internal note", body: crmAddCommentSchema, response: crmTicketResponse },
  { method: "post", path: "/api/v1/tickets/{id}/assign/", summary: "Assign or unassign a ticket", body: crmAssignSchema, response: crmTicketResponse },
  { method: "get", path: "/api/v1/ticket-comments/", summary: "List comments", query: crmCommentListQuerySchema, response: pageOf(crmCommentResponse, "CrmCommentPage") },
  { method: "post", path: "/api/v1/ticket-comments/", summary: "Create a comment", body: crmCommentCreateSchema, response: crmCommentResponse, status: 201 },
  { method: "get", path: "/api/v1/ticket-comments/{id}/", summary: "Get a comment", response: crmCommentResponse },
  { method: "patch", path: "/api/v1/ticket-comments/{id}/", summary: "Edit a comment (author or admin)", body: crmCommentUpdateSchema, response: crmCommentResponse },
  { method: "delete", path: "/api/v1/ticket-comments/{id}/", summary: "Delete a comment (author or admin)", status: 204 },
  { method: "post", path: "/api/v1/ticket-attachments/", summary: "Upload an attachment", body: crmAttachmentCreateSchema, bodyType: "multipart", response: crmAttachmentResponse, status: 201 },
  { method: "get", path: "/api/v1/ticket-attachments/{id}/", summary: "Get attachment metadata", response: crmAttachmentResponse },
  { method: "delete", path: "/api/v1/ticket-attachments/{id}/", summary: "Delete an attachment (uploader or admin)", status: 204 },
];
