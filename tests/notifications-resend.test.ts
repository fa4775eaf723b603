import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resendTransport } from "@/lib/notifications/transports/resend";
import { TransportError } from "@/lib/notifications/transports/types";
import { startFakeResend } from "./support/fake-resend-server";

// The Resend transport sends the request shape Resend expects (key, body, Idempotency-Key) and
// maps its errors, checked against a local server that answers the way Resend's API does.
let server: Awaited<ReturnType<typeof startFakeResend>>;
beforeAll(async () => {
  server = await startFakeResend();
});
afterAll(async () => {
  await server.close();
});

const mail = {
  from: "Caseflow Support <support@example.test>",
  to: "dana@example.test",
  subject: "Re: Refund [T-20250131-0042]",
  html: "<p>Hello</p>",
  text: "Hello",
};
const transport = () => resendTransport({ apiKey: server.apiKey, baseUrl: server.url, timeoutMs: 500 });

describe("resend transport", () => {
  it("posts the email with bearer auth, JSON body and the idempotency key", async () => {
    const before = server.requests.length;
    const r = await transport().send(mail, { idempotencyKey: "n-1" });
    const req = server.requests[before];
    expect(req.method).toBe("POST");
    expect(req.path).toBe("/emails");
    expect(req.headers.authorization).toBe(`Bearer ${server.apiKey}`);
    expect(req.headers["content-type"]).toContain("application/json");
    expect(req.headers["idempotency-key"]).toBe("n-1");
    expect(req.body).toMatchObject({ from: mail.from, to: [mail.to], subject: mail.subject, html: mail.html, text: mail.text });
    expect(r.providerId).toBe(server.delivered.at(-1)!.id);
  });

  it("a repeated idempotency key returns the first id and sends nothing new", async () => {
    const a = await transport().send(mail, { idempotencyKey: "n-2" });
    const count = server.delivered.length;
    const b = await transport().send(mail, { idempotencyKey: "n-2" });
    expect(b.providerId).toBe(a.providerId);
    expect(server.delivered.length).toBe(count);
  });

  it("maps error responses: 5xx/429/401 retryable, 422 permanent", async () => {
    const cases = [
      { step: { status: 500, name: "internal_server_error" }, permanent: false },
      { step: { status: 429, name: "rate_limit_exceeded" }, permanent: false },
      { step: { status: 422, name: "validation_error", message: "Invalid `to` field." }, permanent: true },
    ];
    for (const [i, c] of cases.entries()) {
      server.script.push(c.step);
      const err = await transport().send(mail, { idempotencyKey: `err-${i}` }).catch((e) => e);
      expect(err).toBeInstanceOf(TransportError);
      expect(err.status).toBe(c.step.status);
      expect(err.permanent).toBe(c.permanent);
      expect(err.message).toContain(c.step.name);
    }
    const bad = resendTransport({ apiKey: "re_wrong", baseUrl: server.url, timeoutMs: 500 });
    const err = await bad.send(mail, { idempotencyKey: "auth" }).catch((e) => e);
    expect(err).toMatchObject({ status: 403, permanent: false });
  });

  it("a hung request times out as a retryable error; the retry with the same key is not a second send", async () => {
    server.script.push("accept-and-hang");
    const count = server.delivered.length;
    const err = await transport().send(mail, { idempotencyKey: "hang-1" }).catch((e) => e);
    expect(err).toBeInstanceOf(TransportError);
    expect(err.permanent).toBe(false);
    const ok = await transport().send(mail, { idempotencyKey: "hang-1" });
    expect(server.delivered.length).toBe(count + 1);
    expect(ok.providerId).toBe(server.delivered.at(-1)!.id);
  });

  it("an unreachable server is a retryable error", async () => {
    const t = resendTransport({ apiKey: "re_x", baseUrl: "http://127.0.0.1:9", timeoutMs: 500 });
    const err = await t.send(mail, { idempotencyKey: "down" }).catch((e) => e);
    expect(err).toMatchObject({ name: "TransportError", permanent: false, status: null });
  });
});
