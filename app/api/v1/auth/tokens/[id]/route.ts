import { api, methodNotAllowed } from "@/lib/api/handler";
import { pathId } from "@/lib/api/path-id";
import { requestOrigin } from "@/lib/api/request-origin";
import { requireActor } from "@/lib/auth/request-actor";
import { revokeApiToken } from "@/lib/domain/api-tokens/revoke-api-token";

export const dynamic = "force-dynamic";
type Params = { id: string };

/** DELETE → 204: revokes the token (the owner's, or anyone's for an admin); it stops at once. */
export const DELETE = api<Params>(async (req, { id }) => {
  const actor = await requireActor(req);
  await revokeApiToken(actor, pathId(id), requestOrigin(req));
  return new Response(null, { status: 204 });
});

export const GET = methodNotAllowed(["DELETE"]);
export const POST = GET;
export const PUT = GET;
export const PATCH = GET;
