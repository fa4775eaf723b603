import { api, methodNotAllowed } from "@/lib/api/handler";
import { pathId } from "@/lib/api/path-id";
import { requestOrigin } from "@/lib/api/request-origin";
import { requireActorWith } from "@/lib/auth/request-actor";
import { removeTeamMember } from "@/lib/domain/teams/set-team-member";

export const dynamic = "force-dynamic";
type Params = { id: string; user_id: string };

export const DELETE = api<Params>(async (req, { id, user_id }) => {
  const actor = await requireActorWith(req, "team:manage");
  await removeTeamMember(actor, pathId(id), pathId(user_id), requestOrigin(req));
  return new Response(null, { status: 204 });
});

export const GET = methodNotAllowed(["DELETE"]);
