import type { NextRequest } from "next/server";
import { api, json, methodNotAllowed, readBody } from "@/lib/api/handler";
import { serializeTicket } from "@/lib/api/serializers/support";
import { requireActor } from "@/lib/auth/request-actor";
import { ValidationError } from "@/lib/domain/errors";
import { pathId } from "@/lib/api/path-id";
import { ticketEtag } from "@/lib/domain/tickets/etag";
import { getTicket } from "@/lib/domain/tickets/get-ticket";
import { updateTicket } from "@/lib/domain/tickets/update-ticket";
import { ticketUpdateSchema } from "@/lib/schemas/support";

export const dynamic = "force-dynamic";
type Params = { id: string };

export const GET = api<Params>(async (req, { id }) => {
  const actor = await requireActor(req);
  const t = await getTicket(actor, pathId(id));
  return json(serializeTicket(t, actor), { headers: { ETag: ticketEtag(t) } });
});

export const PATCH = api<Params>(async (req: NextRequest, { id }) => {
  const actor = await requireActor(req);
  const tid = pathId(id);
  const { data } = await readBody(req);
  const input = ticketUpdateSchema.parse(data);
  const ius = req.headers.get("if-unmodified-since");
  const ifUnmodifiedSince = ius ? new Date(ius) : null;
  if (ifUnmodifiedSince && Number.isNaN(ifUnmodifiedSince.getTime())) {
    throw ValidationError.field("non_field_errors", "If-Unmodified-Since must be an HTTP date.");
  }
  const t = await updateTicket(actor, tid, input, { ifMatch: req.headers.get("if-match"), ifUnmodifiedSince });
  return json(serializeTicket(t, actor), { headers: { ETag: ticketEtag(t) } });
});

export const POST = methodNotAllowed(["GET", "PATCH"]);
export const PUT = POST;
export const DELETE = POST;
