import type { NextRequest } from "next/server";
import { api, json, methodNotAllowed, readBody } from "@/lib/api/handler";
import { pathId } from "@/lib/api/path-id";
import { MACRO_FIELD_NAMES, macroUpdateSchema, serializeMacro, toMacroInput } from "@/lib/api/support/macros";
import { requireActor } from "@/lib/auth/request-actor";
import { deleteMacro, getMacro, updateMacro } from "@/lib/domain/macros/save-macro";

export const dynamic = "force-dynamic";
type Params = { id: string };

export const GET = api<Params>(async (req, { id }) => {
  const actor = await requireActor(req);
  return json(serializeMacro(await getMacro(actor, pathId(id)), actor));
});

export const PATCH = api<Params>(async (req: NextRequest, { id }) => {
  const actor = await requireActor(req);
  const mid = pathId(id);
  const { data } = await readBody(req);
  const m = await updateMacro(actor, mid, toMacroInput(macroUpdateSchema.parse(data)));
  return json(serializeMacro(m, actor));
}, { fields: MACRO_FIELD_NAMES });

export const DELETE = api<Params>(async (req, { id }) => {
  const actor = await requireActor(req);
  await deleteMacro(actor, pathId(id));
  return new Response(null, { status: 204 });
});

export const POST = methodNotAllowed(["GET", "PATCH", "DELETE"]);
export const PUT = POST;
