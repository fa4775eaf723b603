import type { NextRequest } from "next/server";
import { api, json, methodNotAllowed, parseQuery, readBody } from "@/lib/api/handler";
import { listPage } from "@/lib/api/pagination";
import { SUPPORT_FIELD_NAMES, toMessageFilter } from "@/lib/api/support/mappers";
import { messageCreateSchema, messageListQuerySchema } from "@/lib/api/support/schemas";
import { serializeMessage } from "@/lib/api/support/serialize";
import { requireActor } from "@/lib/auth/request-actor";
import { prepareUploads, uploadLimits } from "@/lib/domain/attachments/uploads";
import { ValidationError } from "@/lib/domain/errors";
import { listMessages, MESSAGE_KEYS } from "@/lib/domain/messages/list-messages";
import { postMessage } from "@/lib/domain/messages/post-message";
import { messageIfMatch, ticketValidators } from "@/lib/api/conditional";
import { serializeTicket } from "@/lib/api/support/serialize";
import { getTicket } from "@/lib/domain/tickets/get-ticket";

export const dynamic = "force-dynamic";

export const GET = api(async (req: NextRequest) => {
  const actor = await requireActor(req);
  const filter = toMessageFilter(parseQuery(req, messageListQuerySchema));
  return json(
    await listPage(req.nextUrl, {
      name: "support.messages",
      keys: MESSAGE_KEYS,
      load: (page) => listMessages(actor, filter, page),
      serialize: serializeMessage,
    }),
  );
}, { fields: SUPPORT_FIELD_NAMES });

export const POST = api(async (req: NextRequest) => {
  const actor = await requireActor(req);
  const { data, files } = await readBody(req, { multipart: { maxBytes: uploadLimits().maxRequestBytes } });
  const stray = files.find((f) => f.field !== "files");
  if (stray) throw ValidationError.field(stray.field, "Upload files in the \"files\" field.");
  const input = messageCreateSchema.parse(data);
  const ifMatch = messageIfMatch(req);
  const uploads = prepareUploads(files);
  const message = await postMessage(actor, { ticketId: input.ticket, body: input.body, isInternal: input.is_internal, status: input.status, uploads, ifMatch });
  return json(serializeMessage(message), { status: 201 });
}, {
  fields: SUPPORT_FIELD_NAMES,
  idempotent: true,
  // A stale If-Match: the ticket as it is now (and its ETag), so the client can show what changed.
  onStale: async (req, e) => {
    const actor = await requireActor(req);
    const t = await getTicket(actor, e.ticketId);
    return json({ detail: e.message, ticket: serializeTicket(t, actor) }, { status: 412, headers: ticketValidators(t) });
  },
});

export const PUT = methodNotAllowed(["GET", "POST"]);
export const PATCH = PUT;
export const DELETE = PUT;
