import type { NextRequest } from "next/server";
import { api, json, methodNotAllowed, parseQuery } from "@/lib/api/handler";
import { cursorPosition, pageBody, pageSize } from "@/lib/api/pagination";
import { serializeEvent } from "@/lib/api/serializers/support";
import { requireActor } from "@/lib/auth/request-actor";
import { EVENT_KEYS, listEvents } from "@/lib/domain/events/list-events";
import { eventListQuerySchema } from "@/lib/schemas/support";

export const dynamic = "force-dynamic";
const SCOPE = "support.events";

export const GET = api(async (req: NextRequest) => {
  const actor = await requireActor(req);
  const q = parseQuery(req, eventListQuerySchema);
  const page = await listEvents(actor, q, cursorPosition(req, SCOPE, EVENT_KEYS), pageSize(q.page_size));
  return json(pageBody(req, page, SCOPE, serializeEvent));
});

export const POST = methodNotAllowed(["GET"]);
export const PUT = POST;
export const PATCH = POST;
export const DELETE = POST;
