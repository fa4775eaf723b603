import type { NextRequest } from "next/server";
import { api, json, methodNotAllowed, parseQuery, readBody } from "@/lib/api/handler";
import { cursorPosition, pageBody, pageSize } from "@/lib/api/pagination";
import { idempotent } from "@/lib/api/idempotency";
import { serializeCrmComment } from "@/lib/api/serializers/crm";
import { requireActor } from "@/lib/auth/request-actor";
import { listMessages, MESSAGE_KEYS } from "@/lib/domain/messages/list-messages";
import { postMessage } from "@/lib/domain/messages/post-message";
import { withCrmFieldNames } from "@/lib/domain/tickets/crm-field-names";
import { crmCommentCreateSchema, crmCommentListQuerySchema } from "@/lib/schemas/crm";

export const dynamic = "force-dynamic";
const SCOPE = "crm.comments";

export const GET = api(async (req: NextRequest) => {
  const actor = await requireActor(req);
  const q = parseQuery(req, crmCommentListQuerySchema);
  const page = await listMessages(actor, { ticket: q.ticket }, cursorPosition(req, SCOPE, MESSAGE_KEYS), pageSize(q.page_size));
  return json(pageBody(req, page, SCOPE, serializeCrmComment));
});

export const POST = api(idempotent(async (req: NextRequest) => {
  const actor = await requireActor(req);
  const { data } = await readBody(req);
  const input = crmCommentCreateSchema.parse(data);
  const m = await withCrmFieldNames(() =>
    postMessage(actor, { ticket: input.ticket, body: input.text, is_internal: input.is_internal }),
  );
  return json(serializeCrmComment(m), { status: 201 });
}));

export const PUT = methodNotAllowed(["GET", "POST"]);
export const PATCH = PUT;
export const DELETE = PUT;
