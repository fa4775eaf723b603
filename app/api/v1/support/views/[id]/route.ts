import type { NextRequest } from "next/server";
import { api, json, methodNotAllowed, readBody } from "@/lib/api/handler";
import { pathId } from "@/lib/api/path-id";
import { serializeView, toViewInput, viewUpdateSchema } from "@/lib/api/support/views";
import { requireActor } from "@/lib/auth/request-actor";
import { deleteView, getView, updateView } from "@/lib/domain/views/save-view";

export const dynamic = "force-dynamic";
type Params = { id: string };

export const GET = api<Params>(async (req, { id }) => {
  const actor = await requireActor(req);
  return json(serializeView(await getView(actor, pathId(id)), actor));
});

export const PATCH = api<Params>(async (req: NextRequest, { id }) => {
  const actor = await requireActor(req);
  const vid = pathId(id);
  const { data } = await readBody(req);
  const v = await updateView(actor, vid, toViewInput(viewUpdateSchema.parse(data)));
  return json(serializeView(v, actor));
});

export const DELETE = api<Params>(async (req, { id }) => {
  const actor = await requireActor(req);
  await deleteView(actor, pathId(id));
  return new Response(null, { status: 204 });
});

export const POST = methodNotAllowed(["GET", "PATCH", "DELETE"]);
export const PUT = POST;
