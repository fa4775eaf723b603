import type { NextRequest } from "next/server";
import { CRM_FIELD_NAMES } from "@/lib/api/crm/mappers";
import { api, json, methodNotAllowed, readBody } from "@/lib/api/handler";
import { serializeCrmAttachment } from "@/lib/api/crm/serialize";
import { requireActor } from "@/lib/auth/request-actor";
import { addAttachment } from "@/lib/domain/attachments/add-attachment";
import { prepareUploads, uploadLimits } from "@/lib/domain/attachments/uploads";
import { ValidationError } from "@/lib/domain/errors";
import { crmAttachmentCreateSchema } from "@/lib/api/crm/schemas";

export const dynamic = "force-dynamic";

/** Multipart upload: `ticket` (uuid) and exactly one `file`. */
export const POST = api(async (req: NextRequest) => {
  const actor = await requireActor(req);
  const { data, files } = await readBody(req, { multipart: { maxBytes: uploadLimits().maxFileBytes + 1024 * 1024 } });
  const input = crmAttachmentCreateSchema.parse(data);
  const stray = files.find((f) => f.field !== "file");
  if (stray) throw ValidationError.field(stray.field, 'Upload the file in the "file" field.');
  if (files.length === 0) throw ValidationError.field("file", "No file was submitted.");
  if (files.length > 1) throw ValidationError.field("file", "Upload one file per request.");
  const [upload] = prepareUploads(files, "file");
  const a = await addAttachment(actor, input.ticket, upload);
  return json(serializeCrmAttachment(a), { status: 201 });
}, { fields: CRM_FIELD_NAMES, idempotent: true });

export const GET = methodNotAllowed(["POST"]);
export const PUT = GET;
export const PATCH = GET;
export const DELETE = GET;
