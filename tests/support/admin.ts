import * as usersRoute from "@/app/api/v1/admin/users/route";
import * as userRoute from "@/app/api/v1/admin/users/[id]/route";
import * as auditRoute from "@/app/api/v1/audit-log/route";
import * as tokenRoute from "@/app/api/v1/auth/token/route";
import * as refreshRoute from "@/app/api/v1/auth/token/refresh/route";
import { db } from "@/lib/db/client";
import { call, handler as h } from "./http";

type U = { token: string } | null;
type Query = Record<string, string>;

/** The admin API's routes, called as Next calls them. */
export const adminApi = {
  listUsers: (u: U, query: Query = {}) => call(h(usersRoute.GET), "GET", "/api/v1/admin/users/", { user: u, query }),
  listUsersPath: (u: U, path: string) => call(h(usersRoute.GET), "GET", path, { user: u }),
  getUser: (u: U, id: string) => call(h(userRoute.GET), "GET", `/api/v1/admin/users/${id}/`, { user: u, params: { id } }),
  patchUser: (u: U, id: string, body: unknown, headers: Record<string, string> = {}) =>
    call(h(userRoute.PATCH), "PATCH", `/api/v1/admin/users/${id}/`, { user: u, body, headers, params: { id } }),
  auditLog: (u: U, query: Query = {}) => call(h(auditRoute.GET), "GET", "/api/v1/audit-log/", { user: u, query }),
  auditLogPath: (u: U, path: string) => call(h(auditRoute.GET), "GET", path, { user: u }),
  obtainToken: (email: string, password: string, headers: Record<string, string> = {}) =>
    call(h(tokenRoute.POST), "POST", "/api/v1/auth/token/", { body: { email, password }, headers }),
  refresh: (refresh: string) => call(h(refreshRoute.POST), "POST", "/api/v1/auth/token/refresh/", { body: { refresh } }),
};

/** The audit rows about one target (or of one action), oldest first, straight from the table. */
export async function auditRows(where: { targetId?: string; action?: string; actorId?: string }) {
  const prisma = await db();
  return prisma.auditLog.findMany({ where, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
}
