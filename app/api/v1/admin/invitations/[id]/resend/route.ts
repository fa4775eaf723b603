import { api, json, methodNotAllowed } from "@/lib/api/handler";
import { pathId } from "@/lib/api/path-id";
import { serializeInvitation } from "@/lib/api/admin/invitations";
import { requestOrigin } from "@/lib/api/request-origin";
import { requireActorWith } from "@/lib/auth/request-actor";
import { resendInvitation } from "@/lib/domain/invitations/resend-invitation";

export const dynamic = "force-dynamic";
type Params = { id: string };

/** POST → 200: a new link is emailed, the old one stops working, the 7 days start again. */
export const POST = api<Params>(async (req, { id }) => {
  const actor = await requireActorWith(req, "invitation:manage");
  return json(serializeInvitation(await resendInvitation(actor, pathId(id), requestOrigin(req))));
}, { account: true });

export const GET = methodNotAllowed(["POST"]);
