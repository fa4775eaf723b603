import type { NextRequest } from "next/server";
import { SUPPORT_FIELD_NAMES } from "@/lib/api/support/mappers";
import { api, json, methodNotAllowed, parseQuery } from "@/lib/api/handler";
import { listPage } from "@/lib/api/pagination";
import { eventListQuerySchema } from "@/lib/api/support/schemas";
import { serializeEvent } from "@/lib/api/support/serialize";
import { requireActor } from "@/lib/auth/request-actor";
import { EVENT_KEYS, listEvents } from "@/lib/domain/events/list-events";

export const dynamic = "force-dynamic";

export const GET = api(async (req: NextRequest) => {
  const actor = await requireActor(req);
  const q = parseQuery(req, eventListQuerySchema);
  return json(
    await listPage(req.nextUrl, {
      name: "support.events",
      keys: EVENT_KEYS,
      load: (page) => listEvents(actor, { ticketId: q.ticket }, page),
      serialize: serializeEvent,
    }),
  );
}, { fields: SUPPORT_FIELD_NAMES });

export const POST = methodNotAllowed(["GET"]);
export const PUT = POST;
export const PATCH = POST;
export const DELETE = POST;
