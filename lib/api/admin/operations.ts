import type { ApiOperation } from "@/lib/schemas/operation";
import type { OperationDoc } from "@/lib/openapi/operation-docs";
import { auditLogPageOut, auditLogQuerySchema } from "./audit-log";
import { adminUserListQuerySchema, adminUserOut, adminUserPageOut, adminUserUpdateSchema } from "./users";

/** The admin endpoints, for the OpenAPI document. */
export const adminOperations: ApiOperation[] = [
  { method: "get", path: "/api/v1/admin/users/", tag: "admin", summary: "List users (admins)", query: adminUserListQuerySchema, response: adminUserPageOut },
  { method: "get", path: "/api/v1/admin/users/{id}/", tag: "admin", summary: "Get a user (admins)", response: adminUserOut },
  { method: "patch", path: "/api/v1/admin/users/{id}/", tag: "admin", summary: "Change a user's role, staff flag, permissions or active state (admins)", body: adminUserUpdateSchema, response: adminUserOut },
  { method: "get", path: "/api/v1/audit-log/", tag: "admin", summary: "Read the audit log (admins)", query: auditLogQuerySchema, response: auditLogPageOut },
];

export const adminOperationDocs: Record<string, OperationDoc> = {
  "get /api/v1/admin/users/": {
    description:
      "Every account, by email address. `search` matches the name or email (case-insensitive substring); `role` and `is_active` narrow the list. Admins and super admins only: other users get 403.",
  },
  "get /api/v1/admin/users/{id}/": { description: "One account. Admins and super admins only." },
  "patch /api/v1/admin/users/{id}/": {
    description:
      "Changes `role`, `is_staff`, `permissions` (known codenames only) and `is_active` (partial). Only a super admin grants or removes super_admin or changes a super admin's account (403); the last active super admin cannot be demoted or deactivated, and nobody can lower their own role below admin or deactivate themselves (400). Deactivating ends the user's sessions and tokens at once. Every change is written to the audit log with its before and after values.",
  },
  "get /api/v1/audit-log/": {
    description:
      "Administrative changes and sign-ins (successful and failed), newest first: who (`actor`, `actor_email`), what (`action`, `target_type`, `target_id`, `summary`, `changes`), when and from where (`ip` when trusted proxies report it, `user_agent`). Filters: `actor`, `action`, `target_type`, `target_id`, `created_after`, `created_before` (inclusive). Read-only; admins and super admins only.",
  },
};
