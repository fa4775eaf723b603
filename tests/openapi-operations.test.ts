import { describe, expect, it } from "vitest";
import { openApiDocument } from "@/lib/openapi/document";

type Op = {
  operationId: string;
  summary: string;
  description: string;
  security: unknown[];
  parameters: { $ref?: string; name?: string }[];
  responses: Record<string, { $ref?: string; headers?: Record<string, unknown> }>;
};
const doc = openApiDocument() as any;
const ops: [string, string, Op][] = Object.entries(doc.paths as Record<string, Record<string, Op>>).flatMap(([p, byMethod]) =>
  Object.entries(byMethod).map(([m, op]) => [m, p, op] as [string, string, Op]),
);
const op = (method: string, path: string) => doc.paths[path][method] as Op;
const params = (o: Op) => o.parameters.map((p) => p.$ref?.split("/").pop() ?? p.name);
/** The own-account endpoints under /api/v1/auth/ that need a sign-in; the rest of /auth/ is open. */
const SIGNED_IN_AUTH = /^\/api\/v1\/auth\/(me\/(email\/|password\/|sign-out-everywhere\/)?|tokens\/(\{id\}\/)?)$/;
const isOpen = (p: string) => (p.startsWith("/api/v1/auth/") && !SIGNED_IN_AUTH.test(p)) || p === "/api/v1/schema/" || p.startsWith("/api/v1/public/");

describe("OpenAPI operations", () => {
  it("have stable drf-spectacular style operationIds (generated clients are named after them)", () => {
    expect(ops.map(([m, p, o]) => `${o.operationId} ${m} ${p}`).sort()).toEqual([
      "admin_companies_create post /api/v1/admin/companies/",
      "admin_companies_list get /api/v1/admin/companies/",
      "admin_companies_partial_update patch /api/v1/admin/companies/{id}/",
      "admin_invitations_create post /api/v1/admin/invitations/",
      "admin_invitations_destroy delete /api/v1/admin/invitations/{id}/",
      "admin_invitations_list get /api/v1/admin/invitations/",
      "admin_invitations_resend_create post /api/v1/admin/invitations/{id}/resend/",
      "admin_settings_partial_update patch /api/v1/admin/settings/",
      "admin_settings_retrieve get /api/v1/admin/settings/",
      "admin_teams_create post /api/v1/admin/teams/",
      "admin_teams_destroy delete /api/v1/admin/teams/{id}/",
      "admin_teams_list get /api/v1/admin/teams/",
      "admin_teams_members_create post /api/v1/admin/teams/{id}/members/",
      "admin_teams_members_destroy delete /api/v1/admin/teams/{id}/members/{user_id}/",
      "admin_teams_partial_update patch /api/v1/admin/teams/{id}/",
      "admin_users_list get /api/v1/admin/users/",
      "admin_users_partial_update patch /api/v1/admin/users/{id}/",
      "admin_users_retrieve get /api/v1/admin/users/{id}/",
      "audit_log_list get /api/v1/audit-log/",
      "auth_invitations_accept_create post /api/v1/auth/invitations/accept/",
      "auth_magic_link_create post /api/v1/auth/magic-link/",
      "auth_me_email_confirm_create post /api/v1/auth/me/email/confirm/",
      "auth_me_email_create post /api/v1/auth/me/email/",
      "auth_me_partial_update patch /api/v1/auth/me/",
      "auth_me_password_create post /api/v1/auth/me/password/",
      "auth_me_retrieve get /api/v1/auth/me/",
      "auth_me_sign_out_everywhere_create post /api/v1/auth/me/sign-out-everywhere/",
      "auth_tokens_create post /api/v1/auth/tokens/",
      "auth_tokens_destroy delete /api/v1/auth/tokens/{id}/",
      "auth_tokens_list get /api/v1/auth/tokens/",
      "public_tickets_create post /api/v1/public/tickets/",
      "auth_password_reset_confirm_create post /api/v1/auth/password-reset/confirm/",
      "auth_password_reset_create post /api/v1/auth/password-reset/",
      "auth_signup_create post /api/v1/auth/signup/",
      "auth_token_create post /api/v1/auth/token/",
      "auth_verify_email_create post /api/v1/auth/verify-email/",
      "auth_token_refresh_create post /api/v1/auth/token/refresh/",
      "schema_retrieve get /api/v1/schema/",
      "support_attachments_retrieve get /api/v1/support/attachments/{id}/",
      "support_events_list get /api/v1/support/events/",
      "support_macros_create post /api/v1/support/macros/",
      "support_macros_destroy delete /api/v1/support/macros/{id}/",
      "support_macros_list get /api/v1/support/macros/",
      "support_macros_partial_update patch /api/v1/support/macros/{id}/",
      "support_macros_retrieve get /api/v1/support/macros/{id}/",
      "support_messages_create post /api/v1/support/messages/",
      "support_messages_list get /api/v1/support/messages/",
      "support_notification_preferences_retrieve get /api/v1/support/notification-preferences/",
      "support_notification_preferences_update put /api/v1/support/notification-preferences/",
      "support_notifications_list get /api/v1/support/notifications/",
      "support_notifications_read_all_create post /api/v1/support/notifications/read-all/",
      "support_notifications_read_create post /api/v1/support/notifications/{id}/read/",
      "support_notifications_unread_count_retrieve get /api/v1/support/notifications/unread-count/",
      "support_sla_policies_create post /api/v1/support/sla-policies/",
      "support_sla_policies_destroy delete /api/v1/support/sla-policies/{id}/",
      "support_sla_policies_list get /api/v1/support/sla-policies/",
      "support_sla_policies_partial_update patch /api/v1/support/sla-policies/{id}/",
      "support_sla_policies_retrieve get /api/v1/support/sla-policies/{id}/",
      "support_sla_report_retrieve get /api/v1/support/sla-report/",
      "support_stream_retrieve get /api/v1/support/stream/",
      "support_tags_list get /api/v1/support/tags/",
      "support_ticket_parties_list get /api/v1/support/ticket-parties/",
      "support_tickets_capabilities_retrieve get /api/v1/support/tickets/{id}/capabilities/",
      "support_tickets_apply_macro_create post /api/v1/support/tickets/{id}/apply-macro/",
      "support_tickets_bulk_create post /api/v1/support/tickets/bulk/",
      "support_tickets_create post /api/v1/support/tickets/",
      "support_tickets_count_retrieve get /api/v1/support/tickets/count/",
      "support_tickets_list get /api/v1/support/tickets/",
      "support_tickets_mark_read_create post /api/v1/support/tickets/{id}/mark-read/",
      "support_tickets_merge_create post /api/v1/support/tickets/{id}/merge/",
      "support_tickets_partial_update patch /api/v1/support/tickets/{id}/",
      "support_tickets_presence_create post /api/v1/support/tickets/{id}/presence/",
      "support_tickets_retrieve get /api/v1/support/tickets/{id}/",
      "support_views_create post /api/v1/support/views/",
      "support_views_destroy delete /api/v1/support/views/{id}/",
      "support_views_list get /api/v1/support/views/",
      "support_views_partial_update patch /api/v1/support/views/{id}/",
      "support_views_retrieve get /api/v1/support/views/{id}/",
      "ticket_attachments_create post /api/v1/ticket-attachments/",
      "ticket_attachments_destroy delete /api/v1/ticket-attachments/{id}/",
      "ticket_attachments_retrieve get /api/v1/ticket-attachments/{id}/",
      "ticket_comments_create post /api/v1/ticket-comments/",
      "ticket_comments_destroy delete /api/v1/ticket-comments/{id}/",
      "ticket_comments_list get /api/v1/ticket-comments/",
      "ticket_comments_partial_update patch /api/v1/ticket-comments/{id}/",
      "ticket_comments_retrieve get /api/v1/ticket-comments/{id}/",
      "tickets_add_comment_create post /api/v1/tickets/{id}/add_comment/",
      "tickets_assign_create post /api/v1/tickets/{id}/assign/",
      "tickets_create post /api/v1/tickets/",
      "tickets_destroy delete /api/v1/tickets/{id}/",
      "tickets_list get /api/v1/tickets/",
      "tickets_partial_update patch /api/v1/tickets/{id}/",
      "tickets_retrieve get /api/v1/tickets/{id}/",
      "tickets_stats_retrieve get /api/v1/tickets/stats/",
    ].sort());
  });

  it("each have a summary, a description and their own security requirement", () => {
    for (const [m, p, o] of ops) {
      expect(o.summary, `${m} ${p}`).toBeTruthy();
      expect(o.description.length, `${m} ${p}`).toBeGreaterThan(10);
      const open = isOpen(p);
      expect(o.security, `${m} ${p}`).toEqual(open ? [] : [{ bearerAuth: [] }, { sessionCookie: [] }]);
      if (!open) expect(Object.keys(o.responses), `${m} ${p}`).toEqual(expect.arrayContaining(["401", "403"]));
    }
  });

  it("describe DRF error bodies and which errors each operation can meet", () => {
    expect(doc.components.responses.BadRequest.content["application/json"].schema).toEqual({ $ref: "#/components/schemas/ValidationError" });
    expect(doc.components.responses.NotFound.content["application/json"].schema).toEqual({ $ref: "#/components/schemas/Error" });
    expect(doc.components.schemas.Error.required).toEqual(["detail"]);
    expect(doc.components.schemas.ValidationError.additionalProperties).toEqual({ type: "array", items: { type: "string" } });
    const codes = (m: string, p: string) => Object.keys(op(m, p).responses);
    expect(codes("patch", "/api/v1/support/tickets/{id}/")).toEqual(["200", "400", "401", "403", "404", "412", "413", "415", "429"]);
    expect(codes("post", "/api/v1/support/messages/")).toEqual(["201", "400", "401", "403", "404", "409", "412", "413", "415", "422", "429"]);
    expect(codes("get", "/api/v1/support/tickets/{id}/")).toEqual(["200", "401", "403", "404", "429"]);
    expect(codes("delete", "/api/v1/tickets/{id}/")).toEqual(["204", "401", "403", "404", "429"]);
    expect(codes("post", "/api/v1/auth/token/")).toEqual(["200", "400", "401", "413", "415", "429"]);
  });

  it("describe Idempotency-Key on every authenticated POST, and its replay header", () => {
    for (const [m, p, o] of ops) {
      // Account and token endpoints take none: a replay would store a secret or a credential change.
      const authedPost = m === "post" && !p.startsWith("/api/v1/auth/") && !isOpen(p);
      expect(params(o).includes("IdempotencyKey"), `${m} ${p}`).toBe(authedPost);
      const ok = Object.keys(o.responses).find((s) => s.startsWith("2"))!;
      expect(Object.keys(o.responses[ok].headers ?? {}).includes("Idempotent-Replayed"), `${m} ${p}`).toBe(authedPost);
      if (authedPost) expect(o.responses["409"] && o.responses["422"], `${m} ${p}`).toBeTruthy();
    }
    expect(doc.components.parameters.IdempotencyKey).toMatchObject({ name: "Idempotency-Key", in: "header" });
  });

  it("describe conditional updates: ETag and Last-Modified on tickets, If-Match / If-Unmodified-Since on PATCH", () => {
    for (const p of ["/api/v1/support/tickets/{id}/", "/api/v1/tickets/{id}/"]) {
      for (const m of ["get", "patch"]) expect(Object.keys(op(m, p).responses["200"].headers!)).toEqual(expect.arrayContaining(["ETag", "Last-Modified"]));
    }
    expect(params(op("patch", "/api/v1/support/tickets/{id}/"))).toEqual(expect.arrayContaining(["IfMatch", "IfUnmodifiedSince"]));
    expect(params(op("patch", "/api/v1/tickets/{id}/"))).toContain("IfMatch");
    expect(doc.components.parameters.IfMatch).toMatchObject({ name: "If-Match", in: "header" });
    expect(doc.components.parameters.IfUnmodifiedSince).toMatchObject({ name: "If-Unmodified-Since", in: "header" });
  });

  it("describe rate limiting: RateLimit-* on every answer, Retry-After on 429", () => {
    for (const [m, p, o] of ops) {
      expect(o.responses["429"], `${m} ${p}`).toEqual({ $ref: "#/components/responses/TooManyRequests" });
      const ok = Object.keys(o.responses).find((s) => s.startsWith("2"))!;
      expect(Object.keys(o.responses[ok].headers!), `${m} ${p}`).toEqual(expect.arrayContaining(["RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset"]));
    }
    expect(Object.keys(doc.components.responses.TooManyRequests.headers)).toEqual(["Retry-After", "RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset"]);
  });

  it("keeps only components something refers to", () => {
    expect(doc.components.schemas.SupportTicketListQuery).toBeUndefined();
    expect(doc.components.schemas.SupportTicket).toBeDefined();
  });
});
