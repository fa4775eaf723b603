import type { NextRequest } from "next/server";
import { api, json, methodNotAllowed, readBody } from "@/lib/api/handler";
import { pathId } from "@/lib/api/path-id";
import { ticketPreconditions, ticketValidators } from "@/lib/api/conditional";
import { applyMacroSchema, MACRO_FIELD_NAMES } from "@/lib/api/support/macros";
import { SUPPORT_FIELD_NAMES } from "@/lib/api/support/mappers";
import { serializeMessage, serializeTicket } from "@/lib/api/support/serialize";
import { requireActor } from "@/lib/auth/request-actor";
import { applyMacro } from "@/lib/domain/macros/apply-macro";

export const dynamic = "force-dynamic";
type Params = { id: string };

export const POST = api<Params>(async (req: NextRequest, { id }) => {
  const actor = await requireActor(req);
  const tid = pathId(id);
  const { data } = await readBody(req);
  const input = applyMacroSchema.parse(data);
  const r = await applyMacro(actor, tid, { macroId: input.macro, internal: input.internal }, ticketPreconditions(req));
  return json(
    { ticket: serializeTicket(r.ticket, actor), message: r.message ? serializeMessage(r.message) : null },
    { headers: ticketValidators(r.ticket) },
  );
}, { fields: { ...SUPPORT_FIELD_NAMES, ...MACRO_FIELD_NAMES }, idempotent: true });

export const GET = methodNotAllowed(["POST"]);
export const PUT = GET;
export const PATCH = GET;
export const DELETE = GET;
