import { api, methodNotAllowed } from "@/lib/api/handler";
import { pathId } from "@/lib/api/path-id";
import { requestOrigin } from "@/lib/api/request-origin";
import { requireActorWith } from "@/lib/auth/request-actor";
import { revokeInvitation } from "@/lib/domain/invitations/revoke-invitation";

export const dynamic = "force-dynamic";
type Params = { id: string };

/** DELETE → 204: the invitation is revoked (kept, listed as revoked), its link dead. */
export const DELETE = api<Params>(async (req, { id }) => {
  const actor = await requireActorWith(req, "invitation:manage");
  await revokeInvitation(actor, pathId(id), requestOrigin(req));
  return new Response(null, { status: 204 });
});

export const GET = methodNotAllowed(["DELETE"]);
export const POST = GET;
export const PUT = GET;
export const PATCH = GET;
