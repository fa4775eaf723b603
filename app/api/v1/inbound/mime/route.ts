import type { NextRequest } from "next/server";
import { api, json, methodNotAllowed } from "@/lib/api/handler";
import { assertBearer, readLimited, requireConfigured } from "@/lib/api/inbound/read-raw";
import { UnsupportedMediaTypeError, ValidationError } from "@/lib/domain/errors";
import { inboundConfig } from "@/lib/inbound/config";
import { storeInbound } from "@/lib/inbound/receive-mail";

export const dynamic = "force-dynamic";

/**
 * POST a raw RFC 822 message (Content-Type: message/rfc822) from any mail path: a Postfix pipe,
 * SES, Mailgun's raw mode. It is stored and processed later by the inbox worker: 202 when
 * queued, 200 when the same Message-ID was already received.
 */
export const POST = api(async (req: NextRequest) => {
  const cfg = inboundConfig();
  assertBearer(req, requireConfigured(cfg.mimeSecret));
  const type = (req.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
  if (type !== "message/rfc822") throw new UnsupportedMediaTypeError(`Unsupported media type "${type || "none"}" in request.`);
  const raw = await readLimited(req, cfg.maxBytes);
  if (!raw.byteLength) throw ValidationError.field("non_field_errors", "The message is empty.");
  const { duplicate } = await storeInbound({ source: "mime", raw });
  return json({ status: duplicate ? "duplicate" : "queued" }, { status: duplicate ? 200 : 202 });
});

export const GET = methodNotAllowed(["POST"]);
