import type { NextRequest } from "next/server";
import { api, json, methodNotAllowed, readBody } from "@/lib/api/handler";
import { signToken, verifyToken } from "@/lib/auth/jwt";
import { loadActor } from "@/lib/domain/auth/authenticate";
import { NotAuthenticatedError } from "@/lib/domain/errors";
import { tokenRefreshSchema } from "@/lib/api/support/schemas";

export const dynamic = "force-dynamic";

/** POST {refresh} → {access}. A deactivated user's refresh token stops working at once. */
export const POST = api(async (req: NextRequest) => {
  const { data } = await readBody(req);
  const { refresh } = tokenRefreshSchema.parse(data);
  const userId = await verifyToken(refresh, "refresh");
  const actor = userId ? await loadActor(userId) : null;
  if (!actor) throw new NotAuthenticatedError("Token is invalid or expired");
  return json({ access: await signToken(actor.id, "access") });
});

export const GET = methodNotAllowed(["POST"]);
