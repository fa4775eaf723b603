import type { NextRequest } from "next/server";
import { api, json, methodNotAllowed, parseQuery, readBody } from "@/lib/api/handler";
import { cursorPosition, pageBody, pageSize } from "@/lib/api/pagination";
import { serializeMessage } from "@/lib/api/serializers/support";
import { idempotent } from "@/lib/api/idempotency";
import { requireActor } from "@/lib/auth/request-actor";
import { prepareUploads, uploadLimits } from "@/lib/domain/attachments/uploads";
import { ValidationError } from "@/lib/domain/errors";
import { listMessages, MESSAGE_KEYS } from "@/lib/domain/messages/list-messages";
import { postMessage } from "@/lib/domain/messages/post-message";
import { messageCreateSchema, messageListQuerySchema } from "@/lib/schemas/support";

export const dynamic = "force-dynamic";
const SCOPE = "support.messages";

export const GET = api(async (req: NextRequest) => {
  const actor = await requireActor(req);
  const q = parseQuery(req, messageListQuerySchema);
  const page = await listMessages(actor, q, cursorPosition(req, SCOPE, MESSAGE_KEYS), pageSize(q.page_size));
  return json(pageBody(req, page, SCOPE, serializeMessage));
});

export const POST = api(idempotent(async (req: NextRequest) => {
  const actor = await requireActor(req);
  const { data, files } = await readBody(req, { multipart: { maxBytes: uploadLimits().maxRequestBytes } });
  const stray = files.find((f) => f.field !== "files");
  if (stray) throw ValidationError.field(stray.field, "Upload files in the \"files\" field.");
  const input = messageCreateSchema.parse(data);
  const uploads = prepareUploads(files);
  const message = await postMessage(actor, input, uploads);
  return json(serializeMessage(message), { status: 201 });
}));

export const PUT = methodNotAllowed(["GET", "POST"]);
export const PATCH = PUT;
export const DELETE = PUT;
