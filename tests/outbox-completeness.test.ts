import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import type { NotificationKind } from "@/lib/db/generated/client";
import { enqueueMessageNotifications } from "@/lib/notifications/enqueue-notifications";
import { clip } from "@/lib/notifications/payload";
import { drainOutbox } from "@/lib/notifications/worker";
import * as comments from "@/app/api/v1/ticket-comments/route";
import * as supportTickets from "@/app/api/v1/support/tickets/route";
import { makeUser, type TestUser } from "./support/cast";
import { useTestDb } from "./support/db";
import { call } from "./support/http";
import { crmApi, supportApi } from "./support/api";
import { captureTransport } from "./support/capture-transport";
import { openTicket, outbox, postMessage as post } from "./support/fixtures";

const patchTicket = supportApi.patchTicket;

// Nothing lost: every change that commits has its notification rows in the outbox, written in
// its own transaction, and every row renders and sends; a change that is refused writes
// nothing. Random text, lone UTF-16 surrogates and NULs included, through the real handlers.
useTestDb();

let customer: TestUser, agent: TestUser, ticketId: string;
beforeAll(async () => {
  customer = await makeUser({ name: "Dana Whitfield" });
  agent = await makeUser({ role: "customer_service", name: "Sam Ortega" });
  ticketId = (await openTicket(customer)).id;
  expect((await patchTicket(agent, ticketId, { assigned_to: agent.id })).status).toBe(200);
});

async function counts() {
  const prisma = await db();
  const [tickets, messages, notifications] = await Promise.all([prisma.ticket.count(), prisma.message.count(), prisma.notification.count()]);
  return { tickets, messages, notifications };
}

/** The outbox rows a committed change must have: by ticket (a new ticket) or by message. */
async function expectQueued(kind: NotificationKind, where: { ticketId?: string; messageId?: string }, to: string) {
  const rows = await outbox({ kind, ...where });
  expect(rows.map((r) => r.toEmail)).toEqual([to]);
  const payload = rows[0].payload as { message: { body: string } | null };
  expect(JSON.stringify(payload).isWellFormed()).toBe(true);
  if (where.messageId) {
    const prisma = await db();
    const m = await prisma.message.findUniqueOrThrow({ where: { id: where.messageId } });
    expect(payload.message?.body).toBe(clip(m.body, 8_000, "…"));
  }
}

const anyUtf16 = fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 30 }).map((u) => String.fromCharCode(...u));
const text = fc.oneof(
  fc.string({ minLength: 1 }),
  fc.string({ unit: "grapheme", minLength: 1, maxLength: 30 }),
  anyUtf16,
  fc.constantFrom("\ud800", "\udc00", "ok \ud83d", "😀 fine", "a\u0000b", "x".repeat(7_999) + "😀 tail"),
);

type Sent = { status: number; json: any; text: string };
const ACTIONS: Record<string, (s: string) => Promise<{ r: Sent; check: () => Promise<void> }>> = {
  async openTicket(s) {
    const r = await call(supportTickets.POST as any, "POST", "/api/v1/support/tickets/", {
      user: customer, body: { subject: s.slice(0, 200), initial_message: s },
    });
    return { r, check: () => expectQueued("ticket_created", { ticketId: r.json.id }, customer.email) };
  },
  async agentReply(s) {
    const r = await post(agent, ticketId, s);
    return { r, check: () => expectQueued("ticket_update", { messageId: r.json.id }, customer.email) };
  },
  async customerReply(s) {
    const r = await post(customer, ticketId, s);
    return { r, check: () => expectQueued("customer_reply", { messageId: r.json.id }, agent.email) };
  },
  async crmComment(s) {
    const r = await call(comments.POST as any, "POST", "/api/v1/ticket-comments/", { user: agent, body: { ticket: ticketId, text: s } });
    return { r, check: () => expectQueued("ticket_update", { messageId: r.json.id }, customer.email) };
  },
  async crmAddComment(s) {
    const seen = new Set((await crmApi.get(agent, ticketId)).json.comments.map((c: { id: string }) => c.id));
    const r = await crmApi.comment(agent, ticketId, { text: s });
    const added = () => r.json.comments.filter((c: { id: string }) => !seen.has(c.id));
    return {
      r,
      check: async () => {
        expect(added()).toHaveLength(1);
        await expectQueued("ticket_update", { messageId: added()[0].id }, customer.email);
      },
    };
  },
};

describe("every committed change has its notification", () => {
  it("random text through both APIs: committed with its outbox rows, or refused with a 400 and nothing written", async () => {
    const outcomes = { committed: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...Object.keys(ACTIONS)), text, async (action, s) => {
        const before = await counts();
        const { r, check } = await ACTIONS[action](s);
        if (r.status >= 200 && r.status < 300) {
          outcomes.committed++;
          await check();
        } else {
          outcomes.refused++;
          expect(r.status, r.text).toBe(400);
          expect(await counts()).toEqual(before);
        }
      }),
      { numRuns: Number(process.env.FUZZ_RUNS || 60) },
    );
    // Both branches were exercised, and every queued row renders and is sent: none dead.
    expect(outcomes.committed).toBeGreaterThan(0);
    expect(outcomes.refused).toBeGreaterThan(0);
    const transport = captureTransport();
    const pending = (await outbox({ status: "pending" })).length;
    expect(await drainOutbox({ transport })).toEqual({ sent: pending, retried: 0, dead: 0 });
    expect(transport.sent.every((m) => m.mail.html.isWellFormed() && m.mail.text.isWellFormed())).toBe(true);
  });

  it("a long reply cut for the email never splits an emoji in two", async () => {
    const body = "x".repeat(7_999) + "😀 and more";
    const r = await post(agent, ticketId, body);
    expect(r.status, r.text).toBe(201);
    const [row] = await outbox({ messageId: r.json.id });
    expect((row.payload as { message: { body: string } }).message.body).toBe("x".repeat(7_999) + "…");
  });

  it("text that reaches the outbox without passing the API's check is stored well-formed, not dropped", async () => {
    // Other ways in (a script, future inbound mail) may carry lone surrogates; the row is still written.
    const r = await post(agent, ticketId, "Will be replaced below");
    expect(r.status).toBe(201);
    const prisma = await db();
    await prisma.notification.deleteMany({ where: { messageId: r.json.id } });
    await prisma.$transaction((tx) =>
      enqueueMessageNotifications(tx, agent, {
        ticketId, messageId: r.json.id, body: "broken \ud800 text \u0000 here", isInternal: false, attachments: ["\udc00.png"], at: new Date(),
      }),
    );
    const [row] = await outbox({ messageId: r.json.id });
    const payload = row.payload as { message: { body: string; attachments: string[] } };
    expect(payload.message.body).toBe("broken \ufffd text \ufffd here");
    expect(payload.message.attachments).toEqual(["\ufffd.png"]);
    const transport = captureTransport();
    await drainOutbox({ transport });
    expect(transport.sent.map((s) => s.key)).toContain(row.id);
  });

  it("if the notification cannot be written, the change fails with it instead of committing without it", async () => {
    const prisma = await db();
    await prisma.$executeRawUnsafe(`
      CREATE FUNCTION caseflow_test_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'outbox unavailable'; END $$`);
    await prisma.$executeRawUnsafe(
      "CREATE TRIGGER caseflow_test_refuse BEFORE INSERT ON notifications FOR EACH ROW EXECUTE FUNCTION caseflow_test_refuse()",
    );
    try {
      const before = await counts();
      const r = await post(agent, ticketId, "This reply must not commit without its email");
      expect(r.status).toBe(500);
      expect(await counts()).toEqual(before);
    } finally {
      await prisma.$executeRawUnsafe("DROP TRIGGER caseflow_test_refuse ON notifications");
      await prisma.$executeRawUnsafe("DROP FUNCTION caseflow_test_refuse()");
    }
  });
});
