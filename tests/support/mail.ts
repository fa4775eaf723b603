import { createHmac, randomBytes, randomUUID } from "node:crypto";
import * as mimeRoute from "@/app/api/v1/inbound/mime/route";
import * as resendRoute from "@/app/api/v1/inbound/resend/route";
import { db } from "@/lib/db/client";
import { expect } from "vitest";
import { drainInbox } from "@/lib/inbound/worker";
import { drainOutbox } from "@/lib/notifications/worker";
import { captureTransport } from "./capture-transport";
import { clearOutbox, openAssignedTicket, postMessage } from "./fixtures";
import { call, handler } from "./http";

export const INBOUND_ENV = {
  INBOUND_MIME_SECRET: "mime-secret-for-tests",
  INBOUND_DOMAIN: "reply.caseflow.test",
  SUPPORT_ADDRESS: "support@caseflow.test",
  MAIL_FROM: "Caseflow Support <notify@caseflow.test>",
  RESEND_WEBHOOK_SECRET: `whsec_${randomBytes(24).toString("base64")}`,
};

export function setInboundEnv() {
  Object.assign(process.env, INBOUND_ENV);
}

export interface EmlInput {
  from: string;
  to?: string;
  subject?: string;
  text?: string;
  messageId?: string;
  inReplyTo?: string;
  references?: string;
  headers?: Record<string, string>;
  attachment?: { name: string; type: string; bytes: Uint8Array };
}

/** A plain RFC 822 message, shaped like what a mail client sends. */
export function eml(m: EmlInput): string {
  const head = [
    `From: ${m.from}`,
    `To: ${m.to ?? INBOUND_ENV.SUPPORT_ADDRESS}`,
    `Subject: ${m.subject ?? "Help"}`,
    `Date: ${new Date().toUTCString()}`,
    `Message-ID: <${m.messageId ?? `${randomUUID()}@client.test`}>`,
    "MIME-Version: 1.0",
    ...(m.inReplyTo ? [`In-Reply-To: ${m.inReplyTo}`] : []),
    ...(m.references ? [`References: ${m.references}`] : []),
    ...Object.entries(m.headers ?? {}).map(([k, v]) => `${k}: ${v}`),
  ];
  const text = m.text ?? "Hello";
  if (!m.attachment) return [...head, "Content-Type: text/plain; charset=utf-8", "", text, ""].join("\r\n");
  const b = "b-" + randomUUID();
  return [
    ...head,
    `Content-Type: multipart/mixed; boundary="${b}"`,
    "",
    `--${b}`,
    "Content-Type: text/plain; charset=utf-8",
    "",
    text,
    `--${b}`,
    `Content-Type: ${m.attachment.type}; name="${m.attachment.name}"`,
    `Content-Disposition: attachment; filename="${m.attachment.name}"`,
    "Content-Transfer-Encoding: base64",
    "",
    Buffer.from(m.attachment.bytes).toString("base64"),
    `--${b}--`,
    "",
  ].join("\r\n");
}

export function postMime(raw: string | Uint8Array, opts: { secret?: string | null; contentType?: string } = {}) {
  const secret = opts.secret === undefined ? INBOUND_ENV.INBOUND_MIME_SECRET : opts.secret;
  return call(handler(mimeRoute.POST), "POST", "/api/v1/inbound/mime/", {
    raw: { body: raw, contentType: opts.contentType ?? "message/rfc822" },
    headers: secret ? { authorization: `Bearer ${secret}` } : {},
  });
}

/** Svix/Standard Webhooks signature: base64 HMAC-SHA256 of "id.timestamp.body" with the secret's key. */
export function svixHeaders(payload: string, opts: { secret?: string; id?: string; timestamp?: number } = {}) {
  const secret = opts.secret ?? INBOUND_ENV.RESEND_WEBHOOK_SECRET;
  const id = opts.id ?? `msg_${randomUUID()}`;
  const ts = String(opts.timestamp ?? Math.floor(Date.now() / 1000));
  const key = Buffer.from(secret.replace(/^whsec_/, ""), "base64");
  const sig = createHmac("sha256", key).update(`${id}.${ts}.${payload}`).digest("base64");
  return { "svix-id": id, "svix-timestamp": ts, "svix-signature": `v1,${sig}`, "content-type": "application/json" };
}

export function postResendWebhook(payload: string, headers: Record<string, string>) {
  return call(handler(resendRoute.POST), "POST", "/api/v1/inbound/resend/", { raw: { body: payload }, headers });
}

export function receivedEvent(emailId: string, m: { from: string; to: string; subject: string; messageId: string }) {
  return JSON.stringify({
    type: "email.received",
    created_at: new Date().toISOString(),
    data: {
      email_id: emailId, created_at: new Date().toISOString(), from: m.from, to: [m.to], bcc: [], cc: [],
      received_for: [m.to], message_id: `<${m.messageId}>`, subject: m.subject, attachments: [],
    },
  });
}

export async function inboxRows() {
  const prisma = await db();
  return prisma.inboundEmail.findMany({ orderBy: { receivedAt: "asc" } });
}

/** A customer's ticket answered by its agent, and the notification email that answer sent. */
export async function agentReplyMail() {
  const ctx = await openAssignedTicket();
  await clearOutbox();
  expect((await postMessage(ctx.agent, ctx.t.id, "Your refund was issued.")).status).toBe(201);
  const transport = captureTransport();
  await drainOutbox({ transport });
  return { ...ctx, mail: transport.sent[0].mail };
}

/** Posts a raw message, processes the inbox, and returns what became of it. */
export async function receive(raw: string) {
  const r = await postMime(raw);
  expect(r.status, r.text).toBe(202);
  await drainInbox();
  return (await inboxRows()).at(-1)!;
}
