import { z } from "zod";
import type { ApiOperation } from "@/lib/schemas/operation";
import { NOTIFICATION_KINDS } from "@/lib/domain/users/notification-kinds";
import { notificationPreferencesSchema } from "@/lib/schemas/notifications";
import { ticketPartiesPageOut, ticketPartiesQuerySchema } from "@/lib/api/support/ticket-parties";
import { presenceSchema, streamQuerySchema } from "@/lib/api/support/stream-schema";
import { bulkResultsOut, bulkSchema } from "@/lib/api/support/bulk";
import { tagSuggestionPageOut, tagSuggestQuerySchema } from "@/lib/api/support/tags";
import { mergedTicketsOut, mergeSchema } from "@/lib/api/support/merge";
import { appliedMacroOut, applyMacroSchema, macroCreateSchema, macroListQuerySchema, macroOut, macroPageOut, macroUpdateSchema } from "@/lib/api/support/macros";
import { markedReadOut, notificationListQuerySchema, unreadCountOut, userNotificationOut, userNotificationPageOut } from "@/lib/api/support/notifications";
import { viewCreateSchema, viewListQuerySchema, viewOut, viewPageOut, viewUpdateSchema } from "@/lib/api/support/views";
import { ticketCountOut, ticketCountQuerySchema } from "@/lib/api/support/schemas";
import { slaPolicyCreateSchema, slaPolicyOut, slaPolicyPageOut, slaPolicyUpdateSchema, slaReportOut, slaReportQuerySchema } from "@/lib/api/support/sla-policy-schemas";

/**
 * Operations whose schemas live outside the two API contract lists: the agent's notification
 * switches, the ticket-parties lookup, the realtime stream and presence, and the schema endpoint
 * itself.
 */
const preferencesOut = z
  .object(Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, z.boolean()])) as Record<(typeof NOTIFICATION_KINDS)[number], z.ZodBoolean>)
  .strict()
  .meta({ id: "NotificationPreferences" });

const preferencesUpdate = notificationPreferencesSchema.meta({ id: "NotificationPreferencesUpdate" });

const presenceHeartbeat = presenceSchema.meta({ id: "PresenceHeartbeat" });

const schemaDocument = z.record(z.string(), z.unknown()).meta({ id: "OpenApiDocument", description: "This OpenAPI 3.1 document." });

export const extraOperations: ApiOperation[] = [
  { method: "get", path: "/api/v1/schema/", tag: "schema", summary: "The OpenAPI document", response: schemaDocument, public: true },
  { method: "get", path: "/api/v1/support/notification-preferences/", tag: "support", summary: "Get the agent's email notification switches", response: preferencesOut },
  { method: "put", path: "/api/v1/support/notification-preferences/", tag: "support", summary: "Set the agent's email notification switches", body: preferencesUpdate, response: preferencesOut },
  { method: "get", path: "/api/v1/support/stream/", tag: "support", summary: "Stream changes as Server-Sent Events", query: streamQuerySchema, produces: "text/event-stream" },
  { method: "post", path: "/api/v1/support/tickets/{id}/presence/", tag: "support", summary: "Announce an agent's presence on a ticket", body: presenceHeartbeat, status: 204 },
  { method: "get", path: "/api/v1/support/tags/", tag: "support", summary: "Popular tags for autocomplete", query: tagSuggestQuerySchema, response: tagSuggestionPageOut },
  { method: "get", path: "/api/v1/support/macros/", tag: "support", summary: "List the macros the agent may use", query: macroListQuerySchema, response: macroPageOut },
  { method: "post", path: "/api/v1/support/macros/", tag: "support", summary: "Create a macro", body: macroCreateSchema, response: macroOut, status: 201 },
  { method: "get", path: "/api/v1/support/macros/{id}/", tag: "support", summary: "Get a macro", response: macroOut },
  { method: "patch", path: "/api/v1/support/macros/{id}/", tag: "support", summary: "Update a macro", body: macroUpdateSchema, response: macroOut },
  { method: "delete", path: "/api/v1/support/macros/{id}/", tag: "support", summary: "Delete a macro" },
  { method: "post", path: "/api/v1/support/tickets/{id}/apply-macro/", tag: "support", summary: "Apply a macro to a ticket (If-Match → 412 when stale)", body: applyMacroSchema, response: appliedMacroOut },
  { method: "get", path: "/api/v1/support/views/", tag: "support", summary: "List the agent's saved queue views", query: viewListQuerySchema, response: viewPageOut },
  { method: "post", path: "/api/v1/support/views/", tag: "support", summary: "Save a queue view", body: viewCreateSchema, response: viewOut, status: 201 },
  { method: "get", path: "/api/v1/support/views/{id}/", tag: "support", summary: "Get a saved view", response: viewOut },
  { method: "patch", path: "/api/v1/support/views/{id}/", tag: "support", summary: "Rename, re-filter, share or move a saved view", body: viewUpdateSchema, response: viewOut },
  { method: "delete", path: "/api/v1/support/views/{id}/", tag: "support", summary: "Delete a saved view" },
  { method: "post", path: "/api/v1/support/tickets/{id}/merge/", tag: "support", summary: "Merge a duplicate ticket into another (If-Match → 412 when stale)", body: mergeSchema, response: mergedTicketsOut },
  { method: "post", path: "/api/v1/support/tickets/bulk/", tag: "support", summary: "Change up to 100 tickets at once (per-ticket results)", body: bulkSchema, response: bulkResultsOut },
  { method: "get", path: "/api/v1/support/sla-policies/", tag: "support", summary: "List SLA policies in matching order", response: slaPolicyPageOut },
  { method: "post", path: "/api/v1/support/sla-policies/", tag: "support", summary: "Create an SLA policy", body: slaPolicyCreateSchema, response: slaPolicyOut, status: 201 },
  { method: "get", path: "/api/v1/support/sla-policies/{id}/", tag: "support", summary: "Get an SLA policy", response: slaPolicyOut },
  { method: "patch", path: "/api/v1/support/sla-policies/{id}/", tag: "support", summary: "Edit an SLA policy", body: slaPolicyUpdateSchema, response: slaPolicyOut },
  { method: "delete", path: "/api/v1/support/sla-policies/{id}/", tag: "support", summary: "Delete an SLA policy", status: 204 },
  { method: "get", path: "/api/v1/support/sla-report/", tag: "support", summary: "SLA results by policy, team, agent or priority", query: slaReportQuerySchema, response: slaReportOut },
  { method: "get", path: "/api/v1/support/notifications/", tag: "support", summary: "List the caller's in-app notifications, newest first", query: notificationListQuerySchema, response: userNotificationPageOut },
  { method: "get", path: "/api/v1/support/notifications/unread-count/", tag: "support", summary: "The caller's unread notification count (exact up to 99)", response: unreadCountOut },
  { method: "post", path: "/api/v1/support/notifications/{id}/read/", tag: "support", summary: "Mark one in-app notification read", response: userNotificationOut },
  { method: "post", path: "/api/v1/support/notifications/read-all/", tag: "support", summary: "Mark all of the caller's in-app notifications read", response: markedReadOut },
  { method: "get", path: "/api/v1/support/tickets/count/", tag: "support", summary: "Count a ticket view (exact up to 1,000)", query: ticketCountQuerySchema, response: ticketCountOut },
  { method: "get", path: "/api/v1/support/ticket-parties/", tag: "support", summary: "Look up who tickets are about", query: ticketPartiesQuerySchema, response: ticketPartiesPageOut },
];
