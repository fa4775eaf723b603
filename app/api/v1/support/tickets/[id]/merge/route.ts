import type { NextRequest } from "next/server";
import { api, json, methodNotAllowed, readBody } from "@/lib/api/handler";
import { pathId } from "@/lib/api/path-id";
import { ticketPreconditions, ticketValidators } from "@/lib/api/conditional";
import { MERGE_FIELD_NAMES, mergeSchema } from "@/lib/api/support/merge";
import { serializeTicket } from "@/lib/api/support/serialize";
import { requireActor } from "@/lib/auth/request-actor";
import { mergeTicket } from "@/lib/domain/tickets/merge-ticket";

export const dynamic = "force-dynamic";
type Params = { id: string };

export const POST = api<Params>(async (req: NextRequest, { id }) => {
  const actor = await requireActor(req);
  const tid = pathId(id);
  const { data } = await readBody(req);
  const input = mergeSchema.parse(data);
  const r = await mergeTicket(actor, tid, input.target, ticketPreconditions(req));
  return json(
    { source: serializeTicket(r.source, actor), target: serializeTicket(r.target, actor) },
    { headers: ticketValidators(r.source) },
  );
}, { fields: MERGE_FIELD_NAMES, idempotent: true });

export const GET = methodNotAllowed(["POST"]);
export const PUT = GET;
export const PATCH = GET;
export const DELETE = GET;
