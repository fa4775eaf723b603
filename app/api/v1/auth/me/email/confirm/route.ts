import type { NextRequest } from "next/server";
import { api, json, methodNotAllowed, readBody } from "@/lib/api/handler";
import { emailChangeConfirmSchema, ME_ANSWERS } from "@/lib/api/auth/schemas";
import { confirmEmailChange } from "@/lib/domain/auth/change-email";

export const dynamic = "force-dynamic";

/** POST {token} → 200: the emailed link's token; the account moves to the new address. */
export const POST = api(async (req: NextRequest) => {
  const { data } = await readBody(req);
  await confirmEmailChange(emailChangeConfirmSchema.parse(data).token);
  return json({ detail: ME_ANSWERS.emailChanged });
}, { account: true });

export const GET = methodNotAllowed(["POST"]);
