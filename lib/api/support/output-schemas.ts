import { z } from "zod";
import { CHANNELS, DIRECTIONS, PRIORITIES, STATUSES, pageOf } from "@/lib/schemas/common";
import type { ApiOperation } from "@/lib/schemas/operation";
import {
  eventListQuerySchema,
  messageCreateSchema,
  messageListQuerySchema,
  ticketCreateSchema,
  ticketListQuerySchema,
  ticketUpdateSchema,
  tokenObtainSchema,
  tokenRefreshSchema,
} from "./schemas";

/**
 * Response shapes of the support API. The serializers are tested against these, and the
 * OpenAPI document is generated from them together with the request schemas.
 */
const iso = z.string().meta({ format: "date-time" });
const uuid = z.string().meta({ format: "uuid" });

const flag = z.boolean();
export const ticketCapabilitiesOut = z
  .object({
    can_view: flag, can_read_internal: flag, can_update: flag, can_change_status: flag, can_assign: flag,
    can_reassign: flag, can_assign_to_self: flag, can_delete: flag, can_post: flag, can_post_internal: flag,
    can_add_attachment: flag,
  })
  .meta({ id: "TicketCapabilities" });

export const supportTicketOut = z
  .object({
    id: uuid,
    ticket_number: z.string().meta({ description: "Human number, T-YYYYMMDD-NNNN." }),
    subject: z.string(),
    description: z.string(),
    status: z.enum(STATUSES),
    priority: z.enum(PRIORITIES),
    category: z.string(),
    channel: z.enum(CHANNELS),
    tags: z.array(z.string()),
    version: z.number().int().describe("The edit version (the ETag's `-vN`); send it as `versions` in a bulk change. Read-only."),
    sla_due_at: iso.nullable(),
    sla_overdue: z.boolean(),
    first_response_due_at: iso.nullable().describe("When the first-response clock breaches (frozen while sla_paused). Read-only."),
    next_response_due_at: iso.nullable().describe("When the next-response clock (started by a customer reply) breaches. Read-only."),
    resolution_due_at: iso.nullable().describe("When the resolution clock breaches. Read-only."),
    sla_policy: uuid.nullable().describe("The SLA policy in force; null: the built-in default. Read-only."),
    sla_paused: z.boolean().describe("The clocks are paused (pending, waiting on the customer). Read-only."),
    user: uuid.nullable(),
    contact: uuid.nullable(),
    order: uuid.nullable(),
    assigned_to: uuid.nullable(),
    watchers: z.array(uuid),
    last_message_at: iso,
    unread_by_agent: z.number().int(),
    unread_by_customer: z.number().int(),
    ai_summary: z.string().nullable().meta({ description: "Agents only (null for customers)." }),
    ai_confidence_score: z.number().nullable(),
    ai_first_response_time: z.number().nullable(),
    ai_auto_resolved: z.boolean().nullable(),
    first_response_at: iso.nullable(),
    resolved_at: iso.nullable(),
    created_at: iso,
    updated_at: iso,
    closed_at: iso.nullable(),
    merged_into: uuid.nullable().describe("The ticket this one was merged into (POST …/merge/); it is closed and its thread moved there. Read-only."),
  })
  .strict()
  .meta({ id: "SupportTicket" });

export const supportAttachmentOut = z
  .object({ id: uuid, name: z.string(), size: z.number().int(), content_type: z.string(), url: z.string(), created_at: iso })
  .strict()
  .meta({ id: "SupportAttachment" });

export const supportMessageOut = z
  .object({
    id: uuid,
    ticket: uuid,
    author: uuid.nullable(),
    author_name: z.string().nullable(),
    body: z.string(),
    direction: z.enum(DIRECTIONS),
    is_internal: z.boolean(),
    attachments: z.array(supportAttachmentOut),
    created_at: iso,
    updated_at: iso,
  })
  .strict()
  .meta({ id: "SupportMessage" });

export const supportEventOut = z
  .object({
    id: uuid,
    ticket: uuid,
    type: z.string(),
    actor: uuid.nullable(),
    actor_name: z.string().nullable(),
    data: z.record(z.string(), z.unknown()),
    created_at: iso,
  })
  .strict()
  .meta({ id: "SupportEvent" });


export const tokenPairOut = z.object({ access: z.string(), refresh: z.string() }).meta({ id: "TokenPair" });
export const accessTokenOut = z.object({ access: z.string() }).meta({ id: "AccessToken" });

export const supportOperations: ApiOperation[] = [
  { method: "post", path: "/api/v1/auth/token/", tag: "auth", summary: "Obtain an access and a refresh token", body: tokenObtainSchema, response: tokenPairOut, public: true },
  { method: "post", path: "/api/v1/auth/token/refresh/", tag: "auth", summary: "Exchange a refresh token for a new access token", body: tokenRefreshSchema, response: accessTokenOut, public: true },
  { method: "get", path: "/api/v1/support/tickets/", tag: "support", summary: "List tickets (filters, search, ordering, cursor pagination)", query: ticketListQuerySchema, response: pageOf(supportTicketOut, "SupportTicketPage") },
  { method: "post", path: "/api/v1/support/tickets/", tag: "support", summary: "Open a ticket", body: ticketCreateSchema, response: supportTicketOut, status: 201 },
  { method: "get", path: "/api/v1/support/tickets/{id}/", tag: "support", summary: "Get a ticket (ETag header)", response: supportTicketOut },
  { method: "patch", path: "/api/v1/support/tickets/{id}/", tag: "support", summary: "Update a ticket (agents; If-Match / If-Unmodified-Since → 412 when stale)", body: ticketUpdateSchema, response: supportTicketOut },
  { method: "post", path: "/api/v1/support/tickets/{id}/mark-read/", tag: "support", summary: "Zero the caller's unread counter", response: supportTicketOut },
  { method: "get", path: "/api/v1/support/tickets/{id}/capabilities/", tag: "support", summary: "What the caller may do with a ticket", response: ticketCapabilitiesOut },
  { method: "get", path: "/api/v1/support/messages/", tag: "support", summary: "List messages, oldest first", query: messageListQuerySchema, response: pageOf(supportMessageOut, "SupportMessagePage") },
  { method: "post", path: "/api/v1/support/messages/", tag: "support", summary: "Post a reply or internal note (JSON, or multipart with `files`)", body: messageCreateSchema, bodyType: "both", response: supportMessageOut, status: 201 },
  { method: "get", path: "/api/v1/support/events/", tag: "support", summary: "Ticket timeline, newest first", query: eventListQuerySchema, response: pageOf(supportEventOut, "SupportEventPage") },
  { method: "get", path: "/api/v1/support/attachments/{id}/", tag: "support", summary: "Download an attachment (same visibility as its ticket)" },
];
