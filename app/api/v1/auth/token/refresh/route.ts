import type { NextRequest } from "next/server";
import { api, json, methodNotAllowed, readBody } from "@/lib/api/handler";
import { signToken, verifyTokenClaims } from "@/lib/auth/jwt";
import { loadActor } from "@/lib/domain/auth/authenticate";
import { NotAuthenticatedError } from "@/lib/domain/errors";
import { tokenRefreshSchema } from "@/lib/api/support/schemas";

export const dynamic = "force-dynamic";

/** POST {refresh} → {access}. A deactivated user's refresh token, or one issued before a password reset, stops working at once. */
export const POST = api(async (req: NextRequest) => {
  const { data } = await readBody(req);
  const { refresh } = tokenRefreshSchema.parse(data);
  const claims = await verifyTokenClaims(refresh, "refresh");
  const actor = claims ? await loadActor(claims.userId, claims.issuedAt) : null;
  if (!actor) throw new NotAuthenticatedError("Token is invalid or expired");
  return json({ access: await signToken(actor.id, "access") });
});

export const GET = methodNotAllowed(["POST"]);
