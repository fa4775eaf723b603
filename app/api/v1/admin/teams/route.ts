import type { NextRequest } from "next/server";
import { api, json, methodNotAllowed, parseQuery, readBody } from "@/lib/api/handler";
import { listPage } from "@/lib/api/pagination";
import { serializeTeam, teamListQuerySchema, teamWriteSchema } from "@/lib/api/admin/teams";
import { requestOrigin } from "@/lib/api/request-origin";
import { requireActorWith } from "@/lib/auth/request-actor";
import { listTeams } from "@/lib/domain/teams/list-teams";
import { createTeam } from "@/lib/domain/teams/save-team";
import { TEAM_KEYS } from "@/lib/domain/teams/team-select";

export const dynamic = "force-dynamic";

export const GET = api(async (req: NextRequest) => {
  const actor = await requireActorWith(req, "team:manage");
  parseQuery(req, teamListQuerySchema);
  return json(await listPage(req.nextUrl, { name: "admin.teams", keys: TEAM_KEYS, load: (page) => listTeams(actor, page), serialize: serializeTeam }));
});

export const POST = api(async (req: NextRequest) => {
  const actor = await requireActorWith(req, "team:manage");
  const { data } = await readBody(req);
  const team = await createTeam(actor, teamWriteSchema.parse(data), requestOrigin(req));
  return json(serializeTeam(team), { status: 201, headers: { Location: `/api/v1/admin/teams/${team.id}/` } });
}, { idempotent: true });

export const PUT = methodNotAllowed(["GET", "POST"]);
export const PATCH = PUT;
export const DELETE = PUT;
