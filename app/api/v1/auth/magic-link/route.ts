import type { NextRequest } from "next/server";
import { api, json, methodNotAllowed, readBody } from "@/lib/api/handler";
import { ACCOUNT_ANSWERS, magicLinkSchema } from "@/lib/api/auth/schemas";
import { requestMagicLink } from "@/lib/domain/auth/request-magic-link";

export const dynamic = "force-dynamic";

/** POST {email} → 200, always the same body: a sign-in link goes to the address if it has an account. */
export const POST = api(async (req: NextRequest) => {
  const { data } = await readBody(req);
  await requestMagicLink(magicLinkSchema.parse(data).email);
  return json({ detail: ACCOUNT_ANSWERS.magicLink });
}, { account: true });

export const GET = methodNotAllowed(["POST"]);
