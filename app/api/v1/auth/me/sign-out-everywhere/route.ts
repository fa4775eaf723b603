import type { NextRequest } from "next/server";
import { api, json, methodNotAllowed } from "@/lib/api/handler";
import { ME_ANSWERS } from "@/lib/api/auth/schemas";
import { requireAuth } from "@/lib/auth/request-actor";
import { freshJwtPair, refreshSessionCookie } from "@/lib/auth/reissue";
import { signOutEverywhere } from "@/lib/domain/auth/sign-out-everywhere";

export const dynamic = "force-dynamic";

/** POST → 200: ends every session and token of the user but the caller's (re-issued). */
export const POST = api(async (req: NextRequest) => {
  const { actor, via } = await requireAuth(req);
  await signOutEverywhere(actor, via);
  const res = json({ detail: ME_ANSWERS.signedOut, ...(await freshJwtPair(via, actor.id)) });
  return refreshSessionCookie(req, res, via, actor.id);
});

export const GET = methodNotAllowed(["POST"]);
