import { db } from "@/lib/db/client";
import { withTransaction } from "@/lib/db/transaction";
import type { Prisma, Role } from "@/lib/db/generated/client";
import type { Actor } from "../actor";
import { recordAudit, type RequestOrigin } from "../audit/record-audit";
import { NotFoundError, PermissionDeniedError, ValidationError } from "../errors";
import { assertCan, isAdmin, PERMISSIONS } from "../policy";
import { managedUserSelect, type ManagedUserRow } from "./managed-user-select";

export interface UserAccessPatch {
  role?: Role;
  isStaff?: boolean;
  isActive?: boolean;
  permissions?: string[];
}

type Field = keyof UserAccessPatch;
const FIELDS: Field[] = ["role", "isStaff", "isActive", "permissions"];

function normalizePermissions(list: string[]): string[] {
  const unknown = list.filter((p) => !Object.hasOwn(PERMISSIONS, p));
  if (unknown.length) {
    throw ValidationError.field("permissions", `Unknown permission "${unknown[0]}". Known: ${Object.keys(PERMISSIONS).join(", ")}.`);
  }
  return [...new Set(list)].sort();
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * An admin changes a user's role, staff flag, permissions or active state. The rules:
 * - admins and super_admins only;
 * - only a super_admin grants or removes super_admin, and only a super_admin changes a
 *   super_admin's account at all (an admin could otherwise lock one out by deactivating them);
 * - the last active super_admin is never demoted or deactivated;
 * - nobody lowers their own role below admin or deactivates themselves (no locking oneself out);
 * - deactivation also moves sessions_valid_after to now, so the user's sessions, access and
 *   refresh tokens stop at once (loadActor refuses them), and stay dead after a reactivation.
 * The change and its audit row (`user.updated`, `user.deactivated` or `user.reactivated`, with
 * {field: {from, to}}) are one transaction; a patch that changes nothing writes nothing.
 */
export async function updateUserAccess(
  actor: Actor,
  userId: string,
  patch: UserAccessPatch,
  origin: RequestOrigin | null = null,
): Promise<ManagedUserRow> {
  assertCan(actor, "user:manage");
  const want: UserAccessPatch = { ...patch };
  if (want.permissions) want.permissions = normalizePermissions(want.permissions);
  const prisma = await db();
  return withTransaction(prisma, async (tx) => {
    // Every change that can take super_admin away from someone locks the active super_admins
    // first (always in the same order), so two admins demoting the last two of them at once
    // cannot both see "one more is left".
    const superAdmins = await lockActiveSuperAdmins(tx);
    await tx.$queryRaw`SELECT id FROM users WHERE id = ${userId}::uuid FOR UPDATE`;
    const before = await tx.user.findUnique({ where: { id: userId }, select: managedUserSelect });
    if (!before) throw new NotFoundError();

    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const f of FIELDS) {
      if (want[f] !== undefined && !same(want[f], before[f])) changes[f] = { from: before[f], to: want[f] };
    }
    if (Object.keys(changes).length === 0) return before;

    // The caller's role as of now, not as of their request's start: a super admin demoted a
    // moment ago cannot still hand out super_admin.
    const me = await tx.user.findUnique({ where: { id: actor.id }, select: { role: true, isActive: true } });
    if (!me?.isActive || !isAdmin(me)) throw new PermissionDeniedError();
    const self = before.id === actor.id;
    const roleAfter = want.role ?? before.role;
    const activeAfter = want.isActive ?? before.isActive;
    if ((before.role === "super_admin" || roleAfter === "super_admin") && me.role !== "super_admin") {
      throw new PermissionDeniedError("Only a super admin can grant, remove or change a super admin.");
    }
    if (self && changes.role && !isAdmin({ role: roleAfter })) {
      throw ValidationError.field("role", "You cannot lower your own role below admin.");
    }
    if (self && !activeAfter) throw ValidationError.field("isActive", "You cannot deactivate your own account.");
    const losesSuperAdmin = before.role === "super_admin" && before.isActive && (roleAfter !== "super_admin" || !activeAfter);
    if (losesSuperAdmin && superAdmins.filter((id) => id !== before.id).length === 0) {
      throw ValidationError.field(changes.role ? "role" : "isActive", "This is the last active super admin: make another super admin first.");
    }

    const data: Prisma.UserUpdateInput = {};
    if (changes.role) data.role = roleAfter;
    if (changes.isStaff) data.isStaff = want.isStaff;
    if (changes.permissions) data.permissions = want.permissions;
    if (changes.isActive) data.isActive = activeAfter;
    if (changes.isActive && !activeAfter) data.sessionsValidAfter = new Date();
    const after = await tx.user.update({ where: { id: userId }, data, select: managedUserSelect });

    const action = changes.isActive ? (activeAfter ? "user.reactivated" : "user.deactivated") : "user.updated";
    await recordAudit(tx, {
      actor,
      action,
      targetType: "user",
      targetId: after.id,
      summary: summarize(before, changes),
      changes: Object.fromEntries(Object.entries(changes).map(([k, v]) => [WIRE[k as Field], v])),
      origin,
    });
    return after;
  });
}

/** The audit log speaks the API's field names, like the rest of what admins read. */
const WIRE: Record<Field, string> = { role: "role", isStaff: "is_staff", isActive: "is_active", permissions: "permissions" };

function summarize(user: ManagedUserRow, changes: Record<string, { from: unknown; to: unknown }>): string {
  const who = user.name ? `${user.name} (${user.email})` : user.email;
  const parts: string[] = [];
  const c = changes;
  if (c.isActive) parts.push(c.isActive.to ? "reactivated" : "deactivated");
  if (c.role) parts.push(`role ${String(c.role.from)} → ${String(c.role.to)}`);
  if (c.isStaff) parts.push(c.isStaff.to ? "made staff" : "no longer staff");
  if (c.permissions) parts.push(`permissions [${(c.permissions.to as string[]).join(", ")}]`);
  return `${who}: ${parts.join("; ")}`;
}

async function lockActiveSuperAdmins(tx: Prisma.TransactionClient): Promise<string[]> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT id::text AS id FROM users WHERE role = 'super_admin' AND is_active ORDER BY id FOR UPDATE`;
  return rows.map((r) => r.id);
}
