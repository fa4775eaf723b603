import type { NextRequest } from "next/server";
import { api, json, methodNotAllowed, readBody } from "@/lib/api/handler";
import { signToken } from "@/lib/auth/jwt";
import { requestOrigin } from "@/lib/api/request-origin";
import { authenticate } from "@/lib/domain/auth/authenticate";
import { tokenObtainSchema } from "@/lib/api/support/schemas";

export const dynamic = "force-dynamic";

/**
 * POST {email, password} → {access, refresh}. Attempts count against the sign-in rate limit, and
 * failed ones are throttled per email and address (429 + Retry-After).
 */
export const POST = api(async (req: NextRequest) => {
  const { data } = await readBody(req);
  const { email, password } = tokenObtainSchema.parse(data);
  const actor = await authenticate(email, password, requestOrigin(req), "api_token_obtain");
  const [access, refresh] = await Promise.all([signToken(actor.id, "access"), signToken(actor.id, "refresh")]);
  return json({ access, refresh });
}, { signin: true });

export const GET = methodNotAllowed(["POST"]);
