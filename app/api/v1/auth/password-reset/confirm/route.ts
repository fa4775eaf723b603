import type { NextRequest } from "next/server";
import { api, json, methodNotAllowed, readBody } from "@/lib/api/handler";
import { ACCOUNT_ANSWERS, passwordResetConfirmSchema } from "@/lib/api/auth/schemas";
import { resetPassword } from "@/lib/domain/auth/reset-password";

export const dynamic = "force-dynamic";

/** POST {token, password} → 200: sets the password and ends every earlier session and token. */
export const POST = api(async (req: NextRequest) => {
  const { data } = await readBody(req);
  const { token, password } = passwordResetConfirmSchema.parse(data);
  await resetPassword(token, password);
  return json({ detail: ACCOUNT_ANSWERS.resetDone });
}, { account: true });

export const GET = methodNotAllowed(["POST"]);
