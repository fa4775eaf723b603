import type { NextRequest } from "next/server";
import { api, json, methodNotAllowed, readBody } from "@/lib/api/handler";
import { ACCOUNT_ANSWERS, signupSchema } from "@/lib/api/auth/schemas";
import { signUp } from "@/lib/domain/auth/sign-up";

export const dynamic = "force-dynamic";

/** POST {name, email, password} → 201, the same body whether or not the email has an account. */
export const POST = api(async (req: NextRequest) => {
  const { data } = await readBody(req);
  await signUp(signupSchema.parse(data));
  return json({ detail: ACCOUNT_ANSWERS.signup }, { status: 201 });
}, { account: true });

export const GET = methodNotAllowed(["POST"]);
