import { api, json, methodNotAllowed } from "@/lib/api/handler";
import { pathId } from "@/lib/api/path-id";
import { serializeCrmAttachment } from "@/lib/api/crm/serialize";
import { requireActor } from "@/lib/auth/request-actor";
import { deleteAttachment } from "@/lib/domain/attachments/delete-attachment";
import { getAttachmentInfo } from "@/lib/domain/attachments/get-attachment-info";

export const dynamic = "force-dynamic";
type Params = { id: string };

export const GET = api<Params>(async (req, { id }) => {
  const actor = await requireActor(req);
  return json(serializeCrmAttachment(await getAttachmentInfo(actor, pathId(id))));
});

export const DELETE = api<Params>(async (req, { id }) => {
  const actor = await requireActor(req);
  await deleteAttachment(actor, pathId(id));
  return new Response(null, { status: 204 });
});

export const POST = methodNotAllowed(["GET", "DELETE"]);
export const PUT = POST;
export const PATCH = POST;
