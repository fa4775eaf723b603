import type { NextRequest } from "next/server";
import { api, json, methodNotAllowed, readBody } from "@/lib/api/handler";
import { serializeMe } from "@/lib/api/auth/me";
import { meUpdateSchema } from "@/lib/api/auth/schemas";
import { requireActor } from "@/lib/auth/request-actor";
import { getProfile, updateProfile } from "@/lib/domain/users/update-profile";

export const dynamic = "force-dynamic";

/** GET: the signed-in user's own account. */
export const GET = api(async (req: NextRequest) => json(serializeMe(await getProfile(await requireActor(req)))));

/** PATCH {name}: what needs no password to change. */
export const PATCH = api(async (req: NextRequest) => {
  const actor = await requireActor(req);
  const { data } = await readBody(req);
  return json(serializeMe(await updateProfile(actor, meUpdateSchema.parse(data))));
});

export const POST = methodNotAllowed(["GET", "PATCH"]);
export const PUT = POST;
export const DELETE = POST;
