import type { NextRequest } from "next/server";
import { api, json, methodNotAllowed, readBody } from "@/lib/api/handler";
import { pathId } from "@/lib/api/path-id";
import { serializeTeam, teamMemberAddSchema } from "@/lib/api/admin/teams";
import { requestOrigin } from "@/lib/api/request-origin";
import { requireActorWith } from "@/lib/auth/request-actor";
import { addTeamMember } from "@/lib/domain/teams/set-team-member";

export const dynamic = "force-dynamic";
type Params = { id: string };

/** POST {user} → 200 with the team: the agent is in it (and out of any other). */
export const POST = api<Params>(async (req: NextRequest, { id }) => {
  const actor = await requireActorWith(req, "team:manage");
  const tid = pathId(id);
  const { data } = await readBody(req);
  const { user } = teamMemberAddSchema.parse(data);
  return json(serializeTeam(await addTeamMember(actor, tid, user, requestOrigin(req))));
});

export const GET = methodNotAllowed(["POST"]);
