import type { NextRequest } from "next/server";
import { api, json, methodNotAllowed, parseQuery, readBody } from "@/lib/api/handler";
import { listPage } from "@/lib/api/pagination";
import { serializeView, toViewInput, viewCreateSchema, viewListQuerySchema } from "@/lib/api/support/views";
import { requireActor } from "@/lib/auth/request-actor";
import { listViews, VIEW_KEYS } from "@/lib/domain/views/list-views";
import { createView } from "@/lib/domain/views/save-view";

export const dynamic = "force-dynamic";

export const GET = api(async (req: NextRequest) => {
  const actor = await requireActor(req);
  parseQuery(req, viewListQuerySchema);
  return json(
    await listPage(req.nextUrl, {
      name: "support.views",
      keys: VIEW_KEYS,
      load: (page) => listViews(actor, page),
      serialize: (v) => serializeView(v, actor),
    }),
  );
});

export const POST = api(async (req: NextRequest) => {
  const actor = await requireActor(req);
  const { data } = await readBody(req);
  const input = viewCreateSchema.parse(data);
  const v = await createView(actor, { ...toViewInput(input), name: input.name, query: input.query ?? "" });
  return json(serializeView(v, actor), { status: 201, headers: { Location: `/api/v1/support/views/${v.id}/` } });
}, { idempotent: true });

export const PUT = methodNotAllowed(["GET", "POST"]);
export const PATCH = PUT;
export const DELETE = PUT;
