import type { NextRequest } from "next/server";
import { api, methodNotAllowed } from "@/lib/api/handler";
import { pathId } from "@/lib/api/path-id";
import { requireActor } from "@/lib/auth/request-actor";
import { getOriginalEmail } from "@/lib/inbound/get-original-email";

export const dynamic = "force-dynamic";

/**
 * GET the original email a message was made from (agents only), as a message/rfc822 download.
 * It is never rendered inline: its HTML is the sender's, unsanitised.
 */
export const GET = api<{ id: string }>(async (req: NextRequest, params) => {
  const actor = await requireActor(req);
  const { raw } = await getOriginalEmail(actor, pathId(params.id));
  return new Response(Buffer.from(raw), {
    status: 200,
    headers: {
      "Content-Type": "message/rfc822",
      "Content-Disposition": 'attachment; filename="original.eml"',
      "X-Content-Type-Options": "nosniff",
    },
  });
});

export const POST = methodNotAllowed(["GET"]);
