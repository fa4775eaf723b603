import type { NextRequest } from "next/server";
import { api, json, methodNotAllowed, readBody } from "@/lib/api/handler";
import { pathId } from "@/lib/api/path-id";
import { serializeTeam, teamWriteSchema } from "@/lib/api/admin/teams";
import { requestOrigin } from "@/lib/api/request-origin";
import { requireActorWith } from "@/lib/auth/request-actor";
import { deleteTeam, renameTeam } from "@/lib/domain/teams/save-team";

export const dynamic = "force-dynamic";
type Params = { id: string };

export const PATCH = api<Params>(async (req: NextRequest, { id }) => {
  const actor = await requireActorWith(req, "team:manage");
  const tid = pathId(id);
  const { data } = await readBody(req);
  return json(serializeTeam(await renameTeam(actor, tid, teamWriteSchema.parse(data), requestOrigin(req))));
});

export const DELETE = api<Params>(async (req, { id }) => {
  const actor = await requireActorWith(req, "team:manage");
  await deleteTeam(actor, pathId(id), requestOrigin(req));
  return new Response(null, { status: 204 });
});

export const GET = methodNotAllowed(["PATCH", "DELETE"]);
export const POST = GET;
export const PUT = GET;
