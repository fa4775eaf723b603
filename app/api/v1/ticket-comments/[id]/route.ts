import { api, json, methodNotAllowed, readBody } from "@/lib/api/handler";
import { pathId } from "@/lib/api/path-id";
import { serializeCrmComment } from "@/lib/api/crm/serialize";
import { requireActor } from "@/lib/auth/request-actor";
import { deleteMessage } from "@/lib/domain/messages/delete-message";
import { editMessage } from "@/lib/domain/messages/edit-message";
import { getMessage } from "@/lib/domain/messages/get-message";
import { crmCommentUpdateSchema } from "@/lib/api/crm/schemas";
import { CRM_FIELD_NAMES } from "@/lib/api/crm/mappers";

export const dynamic = "force-dynamic";
type Params = { id: string };

export const GET = api<Params>(async (req, { id }) => {
  const actor = await requireActor(req);
  return json(serializeCrmComment(await getMessage(actor, pathId(id))));
});

export const PATCH = api<Params>(async (req, { id }) => {
  const actor = await requireActor(req);
  const mid = pathId(id);
  const { data } = await readBody(req);
  const input = crmCommentUpdateSchema.parse(data);
  const m = await editMessage(actor, mid, { body: input.text, isInternal: input.is_internal });
  return json(serializeCrmComment(m));
}, { fields: CRM_FIELD_NAMES });

export const DELETE = api<Params>(async (req, { id }) => {
  const actor = await requireActor(req);
  await deleteMessage(actor, pathId(id));
  return new Response(null, { status: 204 });
});

export const POST = methodNotAllowed(["GET", "PATCH", "DELETE"]);
export const PUT = POST;
