import type { NextRequest } from "next/server";
import { api, json, methodNotAllowed, parseQuery, readBody } from "@/lib/api/handler";
import { listPage } from "@/lib/api/pagination";
import { MACRO_FIELD_NAMES, macroCreateSchema, macroListQuerySchema, serializeMacro, toMacroFilter, toMacroInput } from "@/lib/api/support/macros";
import { requireActor } from "@/lib/auth/request-actor";
import { createMacro } from "@/lib/domain/macros/save-macro";
import { listMacros, MACRO_KEYS } from "@/lib/domain/macros/list-macros";

export const dynamic = "force-dynamic";

export const GET = api(async (req: NextRequest) => {
  const actor = await requireActor(req);
  const filter = toMacroFilter(parseQuery(req, macroListQuerySchema));
  return json(
    await listPage(req.nextUrl, {
      name: "support.macros",
      keys: MACRO_KEYS,
      load: (page) => listMacros(actor, filter, page),
      serialize: (m) => serializeMacro(m, actor),
    }),
  );
}, { fields: MACRO_FIELD_NAMES });

export const POST = api(async (req: NextRequest) => {
  const actor = await requireActor(req);
  const { data } = await readBody(req);
  const input = macroCreateSchema.parse(data);
  const m = await createMacro(actor, { ...toMacroInput(input), name: input.name });
  return json(serializeMacro(m, actor), { status: 201, headers: { Location: `/api/v1/support/macros/${m.id}/` } });
}, { fields: MACRO_FIELD_NAMES, idempotent: true });

export const PUT = methodNotAllowed(["GET", "POST"]);
export const PATCH = PUT;
export const DELETE = PUT;
