import type { NextRequest } from "next/server";
import { api, json, methodNotAllowed, readBody } from "@/lib/api/handler";
import { pathId } from "@/lib/api/path-id";
import { requestOrigin } from "@/lib/api/request-origin";
import { ADMIN_USER_FIELD_NAMES, adminUserUpdateSchema, serializeAdminUser, toUserAccessPatch } from "@/lib/api/admin/users";
import { requireActorWith } from "@/lib/auth/request-actor";
import { getManagedUser } from "@/lib/domain/users/list-users";
import { updateUserAccess } from "@/lib/domain/users/update-user-access";

export const dynamic = "force-dynamic";
type Params = { id: string };

export const GET = api<Params>(async (req, { id }) => {
  const actor = await requireActorWith(req, "user:manage");
  return json(serializeAdminUser(await getManagedUser(actor, pathId(id))));
});

export const PATCH = api<Params>(async (req: NextRequest, { id }) => {
  const actor = await requireActorWith(req, "user:manage");
  const uid = pathId(id);
  const { data } = await readBody(req);
  const patch = toUserAccessPatch(adminUserUpdateSchema.parse(data));
  return json(serializeAdminUser(await updateUserAccess(actor, uid, patch, requestOrigin(req))));
}, { fields: ADMIN_USER_FIELD_NAMES });

export const POST = methodNotAllowed(["GET", "PATCH"]);
export const PUT = POST;
export const DELETE = POST;
