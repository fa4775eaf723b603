import type { NextRequest } from "next/server";
import { api, json, methodNotAllowed, readBody } from "@/lib/api/handler";
import { emailChangeSchema, ME_ANSWERS } from "@/lib/api/auth/schemas";
import { requireAuth } from "@/lib/auth/request-actor";
import { requestEmailChange } from "@/lib/domain/auth/change-email";

export const dynamic = "force-dynamic";

/** POST {email, password} → 202: a confirmation link goes to the new address; nothing changes yet. */
export const POST = api(async (req: NextRequest) => {
  const { actor, via } = await requireAuth(req);
  const { data } = await readBody(req);
  await requestEmailChange(actor, emailChangeSchema.parse(data), via);
  return json({ detail: ME_ANSWERS.emailChange }, { status: 202 });
}, { account: true });

export const GET = methodNotAllowed(["POST"]);
