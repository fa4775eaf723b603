import http from "node:http";
import type { AddressInfo } from "node:net";
import { randomUUID } from "node:crypto";

/**
 * A local stand-in for Resend's HTTP API (POST /emails), close enough to catch a transport
 * that sends the wrong shape: it checks the bearer key, JSON body and Idempotency-Key, replays
 * the first response for a repeated key (as Resend does for 24 h), and answers errors in
 * Resend's shape {statusCode, name, message}. Tests script failures per request.
 */
export type Step =
  | "ok"
  | { status: number; name: string; message?: string }
  // Accept the email (it counts as delivered) but never answer: the client times out not
  // knowing whether it went out, which is the case idempotency keys exist for.
  | "accept-and-hang";

export interface ReceivedRequest {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: any;
}

export interface Delivered {
  id: string;
  idempotencyKey: string | null;
  body: any;
}

export async function startFakeResend(opts: { apiKey?: string } = {}) {
  const apiKey = opts.apiKey ?? "re_test_123";
  const script: Step[] = [];
  const requests: ReceivedRequest[] = [];
  const delivered: Delivered[] = [];
  const byKey = new Map<string, string>();
  const sockets = new Set<import("node:net").Socket>();
  // Mail "received" by the fake: GET /emails/receiving/{id} describes it and hands out a
  // download URL for the raw message, as Resend's receiving API does.
  const inbound = new Map<string, { raw: string | Uint8Array; from: string; to: string[]; subject: string; messageId: string }>();
  let base = "";

  const reply = (res: http.ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { "content-type": "application/json" });
    res.end(JSON.stringify(body));
  };

  const server = http.createServer((req, res) => {
    let raw = "";
    req.on("data", (c) => (raw += c));
    req.on("end", () => {
      let body: any = null;
      try {
        body = raw ? JSON.parse(raw) : null;
      } catch {
        body = raw;
      }
      requests.push({ method: req.method ?? "", path: req.url ?? "", headers: req.headers, body });
      const rawPath = /^\/_raw\/([^/?]+)$/.exec(req.url ?? "");
      if (req.method === "GET" && rawPath && inbound.has(rawPath[1])) {
        res.writeHead(200, { "content-type": "message/rfc822" });
        return res.end(inbound.get(rawPath[1])!.raw);
      }
      const receiving = /^\/emails\/receiving\/([^/?]+)/.exec(req.url ?? "");
      if (req.method === "GET" && receiving) {
        if (req.headers.authorization !== `Bearer ${apiKey}`) {
          return reply(res, 401, { statusCode: 401, name: "missing_api_key", message: "Missing API key in the authorization header." });
        }
        const m = inbound.get(receiving[1]);
        if (!m) return reply(res, 404, { statusCode: 404, name: "not_found", message: "Email not found" });
        return reply(res, 200, {
          object: "email", id: receiving[1], to: m.to, from: m.from, created_at: new Date().toISOString(), subject: m.subject,
          bcc: null, cc: null, reply_to: null, received_for: m.to, html: null, text: null, headers: null, message_id: m.messageId,
          raw: { download_url: `${base}/_raw/${receiving[1]}`, expires_at: new Date(Date.now() + 3_600_000).toISOString() },
          attachments: [],
        });
      }
      if (req.method !== "POST" || req.url !== "/emails") {
        return reply(res, 404, { statusCode: 404, name: "not_found", message: "The requested endpoint does not exist." });
      }
      if (req.headers.authorization !== `Bearer ${apiKey}`) {
        const missing = !req.headers.authorization;
        return reply(res, missing ? 401 : 403, {
          statusCode: missing ? 401 : 403,
          name: missing ? "missing_api_key" : "invalid_api_key",
          message: missing ? "Missing API key in the authorization header." : "API key is invalid",
        });
      }
      if (!body?.from || !body?.to || !body?.subject || !(body.html || body.text)) {
        return reply(res, 422, { statusCode: 422, name: "validation_error", message: "Missing required fields." });
      }
      const key = (req.headers["idempotency-key"] as string | undefined) ?? null;
      // A replayed key gets the first answer and sends nothing, whatever the script says.
      if (key && byKey.has(key)) return reply(res, 200, { id: byKey.get(key) });
      const step = script.shift() ?? "ok";
      if (step === "ok" || step === "accept-and-hang") {
        const id = randomUUID();
        if (key) byKey.set(key, id);
        delivered.push({ id, idempotencyKey: key, body });
        if (step === "ok") reply(res, 200, { id });
        return; // hang: the socket is destroyed when the server closes
      }
      reply(res, step.status, { statusCode: step.status, name: step.name, message: step.message ?? step.name });
    });
  });
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  const { port } = server.address() as AddressInfo;
  base = `http://127.0.0.1:${port}`;
  return {
    url: base,
    inbound,
    apiKey,
    script,
    requests,
    delivered,
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
