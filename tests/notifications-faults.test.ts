import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { mailConfig } from "@/lib/notifications/config";
import { resendTransport } from "@/lib/notifications/transports/resend";
import { TransportError } from "@/lib/notifications/transports";
import { backoffMs, drainOutbox } from "@/lib/notifications/worker";
import { useTestDb } from "./support/db";
import { supportApi } from "./support/api";
import { clearOutbox, openAssignedTicket, outbox, postMessage } from "./support/fixtures";
import { captureTransport } from "./support/capture-transport";
import { startFakeResend } from "./support/fake-resend-server";

// When the mail provider fails for a while, every request still succeeds and each email
// goes out exactly once, later. Failures past the limit are dead-lettered with their error.
useTestDb();

let fake: Awaited<ReturnType<typeof startFakeResend>>;
beforeAll(async () => {
  fake = await startFakeResend();
});
afterAll(async () => {
  await fake.close();
});
beforeEach(clearOutbox);

const HOUR = 3_600_000;
const timeout = () => new TransportError("Resend network error application_error: The operation was aborted due to timeout");
const http500 = () => new TransportError("Resend 500 internal_server_error: Internal server error", { status: 500 });

async function assignedTicket() {
  const opened = await openAssignedTicket();
  await clearOutbox();
  return opened;
}

describe("notifications: faults", () => {
  it("timeouts and 500s for the first attempts: requests succeed, each email is sent once, later", async () => {
    const { customer, agent, t } = await assignedTicket();
    const transport = captureTransport({ failFirst: 6, failWith: (n) => (n % 2 ? timeout() : http500()) });
    // The provider is down while these happen; none of them may fail or wait for it.
    const replies = [];
    for (const body of ["First answer", "Second answer", "Third answer"]) {
      const r = await postMessage(agent, t.id, body);
      expect(r.status, r.text).toBe(201);
      replies.push(r.json.id);
    }
    expect((await supportApi.patchTicket(agent, t.id, { status: "pending" })).status).toBe(200);
    const rows = await outbox();
    expect(rows).toHaveLength(4);

    let now = new Date();
    // 4 notifications, 6 failures: rounds 1 fails all 4, round 2 fails 2 and sends 2, round 3 sends the rest.
    const r1 = await drainOutbox({ transport, now });
    expect(r1).toEqual({ sent: 0, retried: 4, dead: 0 });
    for (const row of await outbox()) {
      expect(row.status).toBe("pending");
      expect(row.attempts).toBe(1);
      expect(row.lastError).toMatch(/attempt 1: TransportError: Resend (network error|500)/);
      const delay = row.nextAttemptAt.getTime() - now.getTime();
      expect(delay).toBeGreaterThanOrEqual(15_000); // base 30 s with jitter 50-100%
      expect(delay).toBeLessThanOrEqual(30_000);
    }
    // Not due yet: a drain right away does nothing.
    expect(await drainOutbox({ transport, now })).toEqual({ sent: 0, retried: 0, dead: 0 });

    now = new Date(now.getTime() + HOUR);
    expect(await drainOutbox({ transport, now })).toEqual({ sent: 2, retried: 2, dead: 0 });
    const retried = (await outbox()).filter((r) => r.status === "pending");
    for (const row of retried) {
      const delay = row.nextAttemptAt.getTime() - now.getTime();
      expect(delay).toBeGreaterThanOrEqual(30_000); // second step doubles
      expect(delay).toBeLessThanOrEqual(60_000);
    }
    now = new Date(now.getTime() + HOUR);
    expect(await drainOutbox({ transport, now })).toEqual({ sent: 2, retried: 0, dead: 0 });

    const final = await outbox();
    expect(final.every((r) => r.status === "sent" && r.sentAt && r.lastError === null)).toBe(true);
    expect(transport.sent).toHaveLength(4);
    expect([...transport.keysSeen.values()]).toEqual([1, 1, 1, 1]);
    expect(new Set(transport.sent.map((s) => s.mail.to))).toEqual(new Set([customer.email]));
    expect(final.filter((r) => r.messageId).map((r) => r.messageId).sort()).toEqual([...replies].sort());
  });

  it("through Resend: a 500, then a request that hung after Resend accepted it, then a retry = one email", async () => {
    const { agent, t } = await assignedTicket();
    expect((await postMessage(agent, t.id, "Refund issued.")).status).toBe(201);
    const [row] = await outbox();
    const transport = resendTransport({ apiKey: fake.apiKey, baseUrl: fake.url, timeoutMs: 300 });
    fake.script.push({ status: 500, name: "internal_server_error" }, "accept-and-hang");
    const before = fake.delivered.length;
    let now = new Date();
    for (let i = 0; i < 4; i++, now = new Date(now.getTime() + HOUR)) await drainOutbox({ transport, now });
    const [done] = await outbox();
    expect(done.status).toBe("sent");
    const mine = fake.delivered.slice(before).filter((d) => d.idempotencyKey === row.id);
    expect(mine).toHaveLength(1); // the replay after the timeout did not send again
    expect(done.providerId).toBe(mine[0].id);
    // 1: 500. 2: timed out, though Resend had accepted it. 3: same key, answered by replay.
    expect(done.attempts).toBe(3);
    expect(done.lastError).toBeNull();
    expect(fake.script).toHaveLength(0);
  });

  it("dead-letters with the error after the attempt limit, and at once on a permanent rejection", async () => {
    const { agent, t } = await assignedTicket();
    expect((await postMessage(agent, t.id, "Hello")).status).toBe(201);
    const config = { ...mailConfig(), maxAttempts: 3 };
    const down = captureTransport({ failFirst: 1_000 });
    let now = new Date();
    for (let i = 0; i < 5; i++, now = new Date(now.getTime() + HOUR)) await drainOutbox({ transport: down, now, config });
    const [row] = await outbox();
    expect(row).toMatchObject({ status: "dead", attempts: 3, sentAt: null });
    expect(row.lastError).toContain("attempt 3: TransportError: Resend 500");
    expect(down.calls()).toBe(3);

    await clearOutbox();
    expect((await postMessage(agent, t.id, "Hello again")).status).toBe(201);
    const rejected = captureTransport({
      failFirst: 1,
      failWith: () => new TransportError("Resend 422 validation_error: Invalid `to` field.", { status: 422, permanent: true }),
    });
    expect(await drainOutbox({ transport: rejected, config })).toEqual({ sent: 0, retried: 0, dead: 1 });
    expect((await outbox())[0]).toMatchObject({ status: "dead", attempts: 1 });
  });

  it("a missing or failing template never fails the request; the mail retries, then dead-letters", async () => {
    const { agent, t } = await assignedTicket();
    const r = await postMessage(agent, t.id, "Hello");
    expect(r.status).toBe(201);
    const transport = captureTransport();
    const config = { ...mailConfig(), maxAttempts: 2 };
    const templates = { ticket_update: async () => { throw new Error("Cannot find module '@/emails/support-ticket-update'"); } };
    expect(await drainOutbox({ transport, config, templates })).toEqual({ sent: 0, retried: 1, dead: 0 });
    expect(await drainOutbox({ transport, config, templates, now: new Date(Date.now() + HOUR) })).toEqual({ sent: 0, retried: 0, dead: 1 });
    const [row] = await outbox();
    expect(row.lastError).toContain("Cannot find module");
    expect(transport.calls()).toBe(0);
  });

  it("a broken mail configuration never fails the reply that would have queued the email", async () => {
    const { agent, t } = await assignedTicket();
    process.env.APP_URL = "not a url";
    try {
      const r = await postMessage(agent, t.id, "Still answered");
      expect(r.status, r.text).toBe(201);
      expect(await outbox()).toHaveLength(0);
    } finally {
      delete process.env.APP_URL;
    }
  });

  it("backoff grows exponentially with jitter and is capped", () => {
    const cfg = { backoffBaseMs: 30_000, backoffMaxMs: HOUR };
    expect(backoffMs(1, cfg, () => 1)).toBe(30_000);
    expect(backoffMs(2, cfg, () => 1)).toBe(60_000);
    expect(backoffMs(4, cfg, () => 0)).toBe(120_000);
    expect(backoffMs(20, cfg, () => 1)).toBe(HOUR);
  });
});
