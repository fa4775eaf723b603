import { z } from "zod";
import { boolField, boolFilter, listParams, pageOf } from "@/lib/schemas/common";
import { ROLES } from "@/lib/domain/users/upsert-user";
import { PERMISSIONS } from "@/lib/domain/policy";
import type { ManagedUserRow } from "@/lib/domain/users/managed-user-select";
import type { UserFilter } from "@/lib/domain/users/list-users";
import type { UserAccessPatch } from "@/lib/domain/users/update-user-access";

/** Admin users API: request schemas, output shape and the mapping to the domain. */
const roleSchema = z.enum(ROLES, { error: (iss) => `"${String(iss.input)}" is not a valid choice.` });

export const adminUserListQuerySchema = z
  .object({
    search: z.string().max(200, { error: "Search is limited to 200 characters." }).optional().meta({ description: "Case-insensitive substring of the name or email." }),
    role: roleSchema.optional(),
    is_active: boolFilter.optional(),
    ...listParams,
  })
  .meta({ id: "AdminUserListQuery" });

export const adminUserUpdateSchema = z
  .object({
    role: roleSchema.optional(),
    is_staff: boolField.optional(),
    is_active: boolField.optional().meta({ description: "false deactivates: the user's sessions and tokens stop at once." }),
    permissions: z
      .array(z.string({ error: "Not a valid string." }).max(100), { error: "Expected a list of items." })
      .max(50)
      .optional()
      .meta({ description: `Permission codenames; known: ${Object.keys(PERMISSIONS).join(", ")}.` }),
  })
  .meta({ id: "AdminUserUpdate" });

export const ADMIN_USER_FIELD_NAMES: Readonly<Record<string, string>> = { isStaff: "is_staff", isActive: "is_active" };

export function toUserFilter(q: z.output<typeof adminUserListQuerySchema>): UserFilter {
  return {
    ...(q.search ? { search: q.search } : {}),
    ...(q.role ? { role: q.role } : {}),
    ...(q.is_active !== undefined ? { isActive: q.is_active } : {}),
  };
}

export function toUserAccessPatch(w: z.output<typeof adminUserUpdateSchema>): UserAccessPatch {
  const out: UserAccessPatch = { role: w.role, isStaff: w.is_staff, isActive: w.is_active, permissions: w.permissions };
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined)) as UserAccessPatch;
}

export function serializeAdminUser(u: ManagedUserRow) {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
    is_staff: u.isStaff,
    is_active: u.isActive,
    permissions: u.permissions,
    email_verified: u.emailVerifiedAt !== null,
    team: u.team ? { id: u.team.id, name: u.team.name } : null,
    created_at: u.createdAt.toISOString(),
    updated_at: u.updatedAt.toISOString(),
  };
}

const isoOut = z.string().meta({ format: "date-time" });
const uuid = z.string().meta({ format: "uuid" });
export const adminUserOut = z
  .object({
    id: uuid,
    email: z.string(),
    name: z.string(),
    role: z.enum(ROLES),
    is_staff: z.boolean(),
    is_active: z.boolean(),
    permissions: z.array(z.string()),
    email_verified: z.boolean(),
    team: z.object({ id: uuid, name: z.string() }).strict().nullable(),
    created_at: isoOut,
    updated_at: isoOut,
  })
  .strict()
  .meta({ id: "AdminUser" });
export const adminUserPageOut = pageOf(adminUserOut, "AdminUserPage");
