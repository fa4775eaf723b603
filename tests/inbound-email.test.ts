import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { drainInbox } from "@/lib/inbound/worker";
import { drainOutbox } from "@/lib/notifications/worker";
import { useTestDb } from "./support/db";
import { captureTransport } from "./support/capture-transport";
import { withEnv } from "./support/env-override";
import { startFakeResend } from "./support/fake-resend-server";
import { clearOutbox, openAssignedTicket, outbox, postMessage } from "./support/fixtures";
import { eml, INBOUND_ENV, inboxRows, postMime, postResendWebhook, receivedEvent, setInboundEnv, svixHeaders } from "./support/mail";

// A customer's emailed reply reaches its ticket through Resend's webhook (signed, fetched from
// the receiving API) or the raw MIME endpoint; forged, replayed and repeated deliveries do not.
useTestDb();

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);
let fake: Awaited<ReturnType<typeof startFakeResend>>;

beforeAll(async () => {
  setInboundEnv();
  fake = await startFakeResend();
  process.env.RESEND_API_KEY = fake.apiKey;
  process.env.RESEND_API_BASE_URL = fake.url;
});
afterAll(async () => {
  delete process.env.RESEND_API_KEY;
  delete process.env.RESEND_API_BASE_URL;
  await fake.close();
});
beforeEach(clearOutbox);

/** An agent reply delivered to the customer: the mail they press Reply on. */
async function agentReplyMail() {
  const ctx = await openAssignedTicket();
  await clearOutbox();
  const r = await postMessage(ctx.agent, ctx.t.id, "Your refund was issued on Jan 29.");
  expect(r.status, r.text).toBe(201);
  const transport = captureTransport();
  await drainOutbox({ transport });
  const [row] = await outbox();
  expect(transport.sent).toHaveLength(1);
  return { ...ctx, mail: transport.sent[0].mail, notificationId: row.id };
}

async function ticketRow(id: string) {
  const prisma = await db();
  return prisma.ticket.findUniqueOrThrow({ where: { id }, include: { messages: { orderBy: { createdAt: "asc" }, include: { attachments: true } } } });
}

describe("inbound email: Resend webhook", () => {
  it("outbound notifications carry a signed Reply-To, their own Message-ID and the thread's references", async () => {
    const { mail, notificationId, t } = await agentReplyMail();
    const h = mail.headers ?? {};
    expect(h["Reply-To"]).toMatch(/^reply\+[a-z2-7]{52}@reply\.caseflow\.test$/);
    expect(h["Message-ID"]).toBe(`<cf-n-${notificationId}@reply.caseflow.test>`);
    expect(h["In-Reply-To"]).toBe(`<cf-t-${t.id}@reply.caseflow.test>`);
    expect(h["References"]).toBe(`<cf-t-${t.id}@reply.caseflow.test>`);
    expect(h["Auto-Submitted"]).toBe("auto-generated");
  });

  it("a signed email.received adds the stripped reply and its attachment to the ticket, counts it unread and notifies the agent", async () => {
    const { customer, agent, t, mail } = await agentReplyMail();
    const before = await ticketRow(t.id);
    await clearOutbox();
    const raw = eml({
      from: `Dana Whitfield <${customer.email}>`,
      to: mail.headers!["Reply-To"],
      subject: `Re: ${mail.subject}`,
      messageId: "reply-1@customer.test",
      text: "Thanks, the refund arrived.\r\n\r\nOn Mon, Nov 23, 2026 at 9:14 AM Caseflow Support <notify@caseflow.test> wrote:\r\n> Your refund was issued on Jan 29.\r\n",
      attachment: { name: "receipt.png", type: "image/png", bytes: PNG },
    });
    fake.inbound.set("em_reply_1", { raw, from: customer.email, to: [mail.headers!["Reply-To"]], subject: mail.subject, messageId: "<reply-1@customer.test>" });
    const payload = receivedEvent("em_reply_1", { from: customer.email, to: mail.headers!["Reply-To"], subject: mail.subject, messageId: "reply-1@customer.test" });
    const res = await postResendWebhook(payload, svixHeaders(payload));
    expect(res.status, res.text).toBe(200);
    expect(res.json).toEqual({ status: "queued" });
    expect(await drainInbox()).toEqual({ processed: 1, ignored: 0, retried: 0, dead: 0 });
    expect(fake.requests.some((r) => r.method === "GET" && r.path === "/emails/receiving/em_reply_1")).toBe(true);

    const after = await ticketRow(t.id);
    const last = after.messages.at(-1)!;
    expect(last).toMatchObject({ body: "Thanks, the refund arrived.", direction: "inbound", authorId: customer.id, isInternal: false });
    expect(last.attachments.map((a) => [a.name, a.contentType, a.size])).toEqual([["receipt.png", "image/png", PNG.byteLength]]);
    expect(after.unreadByAgent).toBe(before.unreadByAgent + 1);
    expect((await outbox()).map((n) => [n.kind, n.toEmail])).toEqual([["customer_reply", agent.email]]);
    const [row] = (await inboxRows()).filter((r) => r.providerId === "em_reply_1");
    expect(row).toMatchObject({ status: "processed", outcome: "replied (matched by token)", ticketId: t.id, postedMessageId: last.id, messageId: "reply-1@customer.test" });
    // The full original, quoted history included, stays with the message for agents.
    expect(Buffer.from(row.raw!).toString()).toContain("> Your refund was issued on Jan 29.");
  });

  it("a bad signature, a replayed old timestamp and a repeated delivery store nothing new", async () => {
    const payload = receivedEvent("em_dup", { from: "x@customer.test", to: INBOUND_ENV.SUPPORT_ADDRESS, subject: "Hi", messageId: "dup-1@customer.test" });
    const count = async () => (await inboxRows()).length;
    const start = await count();
    const forged = await postResendWebhook(payload, svixHeaders(payload, { secret: `whsec_${Buffer.from("another-secret-0123456789").toString("base64")}` }));
    expect(forged.status).toBe(401);
    expect(forged.json).toEqual({ detail: "Invalid or expired webhook signature." });
    const stale = await postResendWebhook(payload, svixHeaders(payload, { timestamp: Math.floor(Date.now() / 1000) - 600 }));
    expect(stale.status).toBe(401);
    const tampered = await postResendWebhook(payload.replace("Hi", "Hello"), svixHeaders(payload));
    expect(tampered.status).toBe(401);
    expect(await count()).toBe(start);

    fake.inbound.set("em_dup", { raw: eml({ from: "Xavier <x@customer.test>", subject: "Hi", messageId: "dup-1@customer.test", text: "First mail." }), from: "x@customer.test", to: [INBOUND_ENV.SUPPORT_ADDRESS], subject: "Hi", messageId: "<dup-1@customer.test>" });
    expect((await postResendWebhook(payload, svixHeaders(payload))).json).toEqual({ status: "queued" });
    const again = await postResendWebhook(payload, svixHeaders(payload));
    expect([again.status, again.json]).toEqual([200, { status: "duplicate" }]);
    // The same mail through the other door (same Message-ID) is a duplicate too.
    const viaMime = await postMime(eml({ from: "x@customer.test", messageId: "dup-1@customer.test", text: "First mail." }));
    expect([viaMime.status, viaMime.json]).toEqual([200, { status: "duplicate" }]);
    expect(await count()).toBe(start + 1);
    expect(await drainInbox()).toMatchObject({ processed: 1 });
    const prisma = await db();
    expect(await prisma.ticket.count({ where: { user: { email: "x@customer.test" } } })).toBe(1);
  });

  it("other webhook events are acknowledged and not stored", async () => {
    const before = (await inboxRows()).length;
    const payload = JSON.stringify({ type: "email.delivered", created_at: new Date().toISOString(), data: { email_id: "em_x" } });
    const res = await postResendWebhook(payload, svixHeaders(payload));
    expect([res.status, res.json]).toEqual([200, { status: "ignored" }]);
    expect((await inboxRows()).length).toBe(before);
    await withEnv({ RESEND_WEBHOOK_SECRET: undefined }, async () => {
      expect((await postResendWebhook(payload, svixHeaders(payload))).status).toBe(404);
    });
  });

  it("a failing Resend fetch is retried with backoff, then dead-lettered with its error", async () => {
    const payload = receivedEvent("em_missing", { from: "y@customer.test", to: INBOUND_ENV.SUPPORT_ADDRESS, subject: "Lost", messageId: "missing-1@customer.test" });
    expect((await postResendWebhook(payload, svixHeaders(payload))).status).toBe(200);
    // The fake has no such email: Resend's 404 cannot succeed later, so it is dead at once.
    expect(await drainInbox()).toEqual({ processed: 0, ignored: 0, retried: 0, dead: 1 });
    const [row] = (await inboxRows()).filter((r) => r.providerId === "em_missing");
    expect(row.status).toBe("dead");
    expect(row.lastError).toMatch(/Resend 404 not_found/);

    const p2 = receivedEvent("em_down", { from: "z@customer.test", to: INBOUND_ENV.SUPPORT_ADDRESS, subject: "Down", messageId: "down-1@customer.test" });
    expect((await postResendWebhook(p2, svixHeaders(p2))).status).toBe(200);
    await withEnv({ RESEND_API_KEY: "re_wrong_key" }, async () => {
      expect(await drainInbox()).toMatchObject({ retried: 1 });
    });
    fake.inbound.set("em_down", { raw: eml({ from: "z@customer.test", subject: "Down", messageId: "down-1@customer.test", text: "Is the site down?" }), from: "z@customer.test", to: [INBOUND_ENV.SUPPORT_ADDRESS], subject: "Down", messageId: "<down-1@customer.test>" });
    expect(await drainInbox()).toMatchObject({ processed: 0 }); // still backing off
    expect(await drainInbox({ now: new Date(Date.now() + 3_600_000) })).toMatchObject({ processed: 1 });
  });
});

describe("inbound email: worker", () => {
  it("concurrent drains process each message exactly once", async () => {
    for (let i = 0; i < 6; i++) {
      expect((await postMime(eml({ from: `c${i}@parallel.test`, subject: `Parallel ${i}`, text: `Mail ${i}` }))).status).toBe(202);
    }
    const results = await Promise.all([drainInbox({ batchSize: 2 }), drainInbox({ batchSize: 2 }), drainInbox({ batchSize: 2 })]);
    expect(results.reduce((n, r) => n + r.processed, 0)).toBe(6);
    const prisma = await db();
    expect(await prisma.ticket.count({ where: { subject: { startsWith: "Parallel " } } })).toBe(6);
    expect(await prisma.message.count({ where: { ticket: { subject: { startsWith: "Parallel " } } } })).toBe(6);
  });
});

describe("inbound email: raw MIME endpoint", () => {
  it("answers 404 without a configured secret, 401 for a wrong one, 415 for another type, 413 past the size limit", async () => {
    const raw = eml({ from: "m@customer.test", text: "hi" });
    await withEnv({ INBOUND_MIME_SECRET: undefined }, async () => {
      expect((await postMime(raw, { secret: "anything" })).status).toBe(404);
    });
    expect((await postMime(raw, { secret: "wrong" })).status).toBe(401);
    expect((await postMime(raw, { secret: null })).status).toBe(401);
    expect((await postMime(raw, { contentType: "application/json" })).status).toBe(415);
    expect((await postMime("")).status).toBe(400);
    await withEnv({ INBOUND_MAX_BYTES: "200" }, async () => {
      const big = await postMime(eml({ from: "m@customer.test", text: "x".repeat(500) }));
      expect([big.status, big.json]).toEqual([413, { detail: "Message is larger than 200 bytes." }]);
    });
    const ok = await postMime(raw);
    expect([ok.status, ok.json]).toEqual([202, { status: "queued" }]);
  });
});
