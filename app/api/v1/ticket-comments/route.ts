import type { NextRequest } from "next/server";
import { api, json, methodNotAllowed, parseQuery, readBody } from "@/lib/api/handler";
import { CRM_FIELD_NAMES } from "@/lib/api/crm/mappers";
import { crmCommentCreateSchema, crmCommentListQuerySchema } from "@/lib/api/crm/schemas";
import { serializeCrmComment } from "@/lib/api/crm/serialize";
import { listPage } from "@/lib/api/pagination";
import { requireActor } from "@/lib/auth/request-actor";
import { listMessages, MESSAGE_KEYS } from "@/lib/domain/messages/list-messages";
import { postMessage } from "@/lib/domain/messages/post-message";

export const dynamic = "force-dynamic";

export const GET = api(async (req: NextRequest) => {
  const actor = await requireActor(req);
  const q = parseQuery(req, crmCommentListQuerySchema);
  return json(
    await listPage(req.nextUrl, {
      name: "crm.comments",
      keys: MESSAGE_KEYS,
      load: (page) => listMessages(actor, { ticketId: q.ticket }, page),
      serialize: serializeCrmComment,
    }),
  );
}, { fields: CRM_FIELD_NAMES });

export const POST = api(async (req: NextRequest) => {
  const actor = await requireActor(req);
  const { data } = await readBody(req);
  const input = crmCommentCreateSchema.parse(data);
  const m = await postMessage(actor, { ticketId: input.ticket, body: input.text, isInternal: input.is_internal });
  return json(serializeCrmComment(m), { status: 201 });
}, { fields: CRM_FIELD_NAMES, idempotent: true });

export const PUT = methodNotAllowed(["GET", "POST"]);
export const PATCH = PUT;
export const DELETE = PUT;
