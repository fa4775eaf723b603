import type { NextRequest } from "next/server";
import { api, json, methodNotAllowed, readBody } from "@/lib/api/handler";
import { ACCOUNT_ANSWERS, passwordResetSchema } from "@/lib/api/auth/schemas";
import { requestPasswordReset } from "@/lib/domain/auth/request-password-reset";

export const dynamic = "force-dynamic";

/** POST {email} → 200, always the same body: a reset link goes to the address if it has an account. */
export const POST = api(async (req: NextRequest) => {
  const { data } = await readBody(req);
  await requestPasswordReset(passwordResetSchema.parse(data).email);
  return json({ detail: ACCOUNT_ANSWERS.reset });
}, { account: true });

export const GET = methodNotAllowed(["POST"]);
