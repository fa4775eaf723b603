import type { NextRequest } from "next/server";
import { api, json, methodNotAllowed, readBody } from "@/lib/api/handler";
import { ACCOUNT_ANSWERS, verifyEmailSchema } from "@/lib/api/auth/schemas";
import { verifyEmail } from "@/lib/domain/auth/verify-email";

export const dynamic = "force-dynamic";

/** POST {token} → 200: the emailed verification link's token; 400 when it cannot be used. */
export const POST = api(async (req: NextRequest) => {
  const { data } = await readBody(req);
  await verifyEmail(verifyEmailSchema.parse(data).token);
  return json({ detail: ACCOUNT_ANSWERS.verified });
}, { account: true });

export const GET = methodNotAllowed(["POST"]);
