import type { NextRequest } from "next/server";
import { api, json, methodNotAllowed, readBody } from "@/lib/api/handler";
import { ME_ANSWERS, ME_FIELD_NAMES, passwordChangeSchema } from "@/lib/api/auth/schemas";
import { requireAuth } from "@/lib/auth/request-actor";
import { freshJwtPair, refreshSessionCookie } from "@/lib/auth/reissue";
import { changePassword } from "@/lib/domain/auth/change-password";

export const dynamic = "force-dynamic";

/**
 * POST {current_password, password}: every other session and token stops; this one carries on
 * (a re-issued session cookie, or a new access/refresh pair in the body for JWT callers).
 */
export const POST = api(async (req: NextRequest) => {
  const { actor, via } = await requireAuth(req);
  const { data } = await readBody(req);
  const input = passwordChangeSchema.parse(data);
  await changePassword(actor, { currentPassword: input.current_password, password: input.password }, via);
  const res = json({ detail: ME_ANSWERS.passwordChanged, ...(await freshJwtPair(via, actor.id)) });
  return refreshSessionCookie(req, res, via, actor.id);
}, { fields: ME_FIELD_NAMES, account: true });

export const GET = methodNotAllowed(["POST"]);
