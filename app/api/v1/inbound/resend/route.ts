import type { NextRequest } from "next/server";
import { Resend } from "resend";
import { api, json, methodNotAllowed } from "@/lib/api/handler";
import { readLimited, requireConfigured } from "@/lib/api/inbound/read-raw";
import { NotAuthenticatedError } from "@/lib/domain/errors";
import { bareAddress, inboundConfig } from "@/lib/inbound/config";
import { storeInbound } from "@/lib/inbound/receive-mail";

export const dynamic = "force-dynamic";

/**
 * Resend's webhook. The Svix signature (svix-id, svix-timestamp, svix-signature) is checked with
 * the SDK before anything is stored; a bad or stale one (replay window: 5 minutes) is 401. An
 * `email.received` event carries only metadata: the inbox worker fetches the message itself.
 */
export const POST = api(async (req: NextRequest) => {
  const secret = requireConfigured(inboundConfig().webhookSecret);
  const payload = Buffer.from(await readLimited(req, 1024 * 1024)).toString("utf8");
  let event;
  try {
    event = new Resend("re_webhook_verification_only").webhooks.verify({
      payload,
      headers: {
        id: req.headers.get("svix-id") ?? "",
        timestamp: req.headers.get("svix-timestamp") ?? "",
        signature: req.headers.get("svix-signature") ?? "",
      },
      webhookSecret: secret,
    });
  } catch {
    throw new NotAuthenticatedError("Invalid or expired webhook signature.");
  }
  if (event.type !== "email.received") return json({ status: "ignored" });
  const { duplicate } = await storeInbound({
    source: "resend",
    providerId: event.data.email_id,
    messageId: event.data.message_id,
    fromEmail: bareAddress(event.data.from),
    subject: event.data.subject,
  });
  return json({ status: duplicate ? "duplicate" : "queued" });
});

export const GET = methodNotAllowed(["POST"]);
