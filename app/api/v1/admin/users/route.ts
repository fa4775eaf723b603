import type { NextRequest } from "next/server";
import { api, json, methodNotAllowed, parseQuery } from "@/lib/api/handler";
import { listPage } from "@/lib/api/pagination";
import { ADMIN_USER_FIELD_NAMES, adminUserListQuerySchema, serializeAdminUser, toUserFilter } from "@/lib/api/admin/users";
import { requireActorWith } from "@/lib/auth/request-actor";
import { listUsers, USER_KEYS } from "@/lib/domain/users/list-users";

export const dynamic = "force-dynamic";

export const GET = api(async (req: NextRequest) => {
  const actor = await requireActorWith(req, "user:manage");
  const filter = toUserFilter(parseQuery(req, adminUserListQuerySchema));
  return json(
    await listPage(req.nextUrl, {
      name: "admin.users",
      keys: USER_KEYS,
      load: (page) => listUsers(actor, filter, page),
      serialize: serializeAdminUser,
    }),
  );
}, { fields: ADMIN_USER_FIELD_NAMES });

export const POST = methodNotAllowed(["GET"]);
export const PUT = POST;
export const PATCH = POST;
export const DELETE = POST;
