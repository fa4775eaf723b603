import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { drainInbox } from "@/lib/inbound/worker";
import { drainOutbox } from "@/lib/notifications/worker";
import { useTestDb } from "./support/db";
import { captureTransport } from "./support/capture-transport";
import { makeUser } from "./support/cast";
import { withEnv } from "./support/env-override";
import { clearOutbox, openAssignedTicket, openTicket, postMessage } from "./support/fixtures";
import { call, handler } from "./support/http";
import * as originalRoute from "@/app/api/v1/inbound/messages/[id]/original/route";
import { agentReplyMail, eml, inboxRows, postMime, receive, setInboundEnv } from "./support/mail";

// Which ticket an emailed reply lands on (signed token, then our Message-IDs, then the ticket
// number from the ticket's own customer), new tickets from new mail, and loop protection.
useTestDb();
beforeAll(setInboundEnv);
beforeEach(clearOutbox);

async function messages(ticketId: string) {
  const prisma = await db();
  return prisma.message.findMany({ where: { ticketId }, orderBy: { createdAt: "asc" } });
}

describe("inbound email: threading", () => {
  it("matches by the signed reply token first", async () => {
    const { customer, t, mail } = await agentReplyMail();
    const row = await receive(eml({ from: customer.email, to: mail.headers!["Reply-To"], subject: "no number here", text: "Token reply" }));
    expect(row).toMatchObject({ status: "processed", outcome: "replied (matched by token)", ticketId: t.id });
    expect((await messages(t.id)).at(-1)!.body).toBe("Token reply");
  });

  it("then by In-Reply-To / References naming one of our notifications", async () => {
    const { customer, t, mail } = await agentReplyMail();
    const row = await receive(eml({ from: customer.email, subject: "Re: something", inReplyTo: mail.headers!["Message-ID"], text: "Thread reply" }));
    expect(row).toMatchObject({ outcome: "replied (matched by thread)", ticketId: t.id });
    const viaRefs = await receive(eml({ from: customer.email, subject: "again", references: `<x@y> ${mail.headers!["References"]}`, text: "Refs reply" }));
    expect(viaRefs).toMatchObject({ outcome: "replied (matched by thread)", ticketId: t.id });
  });

  it("then by the ticket number in the subject, only from the ticket's own customer", async () => {
    const { customer, t } = await agentReplyMail();
    const row = await receive(eml({ from: customer.email.toUpperCase(), subject: `Re: Refund [${t.number}]`, text: "Subject reply" }));
    expect(row).toMatchObject({ outcome: "replied (matched by subject)", ticketId: t.id });
    const other = await makeUser({ name: "Other Customer" });
    const foreign = await receive(eml({ from: other.email, subject: `Re: Refund [${t.number}]`, text: "Not my ticket" }));
    expect(foreign).toMatchObject({ outcome: "created ticket" });
    expect(foreign.ticketId).not.toBe(t.id);
  });

  it("the token wins over In-Reply-To, and In-Reply-To over the subject number", async () => {
    const { customer, agent, t, mail } = await agentReplyMail();
    const t2 = await openTicket(customer, "Second problem");
    expect((await postMessage(agent, t2.id, "Looking into it.")).status).toBe(201);
    const transport = captureTransport();
    await drainOutbox({ transport });
    const mail2 = transport.sent.find((s) => s.mail.to === customer.email)!.mail;
    const t3 = await openTicket(customer, "Third problem");
    const both = await receive(eml({ from: customer.email, to: mail.headers!["Reply-To"], inReplyTo: mail2.headers!["Message-ID"], subject: `Re [${t3.number}]`, text: "A" }));
    expect(both).toMatchObject({ outcome: "replied (matched by token)", ticketId: t.id });
    const noToken = await receive(eml({ from: customer.email, inReplyTo: mail2.headers!["Message-ID"], subject: `Re [${t3.number}]`, text: "B" }));
    expect(noToken).toMatchObject({ outcome: "replied (matched by thread)", ticketId: t2.id });
  });

  it("a token for another customer's ticket from a stranger's address opens a new ticket instead", async () => {
    const { t, mail } = await agentReplyMail();
    const before = (await messages(t.id)).length;
    const row = await receive(eml({ from: "Mallory <mallory@evil.test>", to: mail.headers!["Reply-To"], subject: `Re: ${mail.subject}`, inReplyTo: mail.headers!["Message-ID"], text: "Let me in" }));
    expect(row).toMatchObject({ status: "processed", outcome: "created ticket" });
    expect(row.ticketId).not.toBe(t.id);
    expect(await messages(t.id)).toHaveLength(before);
    const prisma = await db();
    const created = await prisma.ticket.findUniqueOrThrow({ where: { id: row.ticketId! }, include: { user: true } });
    expect(created.user?.email).toBe("mallory@evil.test");
  });

  it("agents can download the original email of a message; customers cannot", async () => {
    const { customer, agent, mail } = await agentReplyMail();
    const row = await receive(eml({ from: customer.email, to: mail.headers!["Reply-To"], text: "Short.\r\n\r\nOn Mon, Support wrote:\r\n> long history" }));
    const get = (user: { token: string } | null) =>
      call(handler(originalRoute.GET), "GET", `/api/v1/inbound/messages/${row.postedMessageId}/original/`, { user, params: { id: row.postedMessageId! } });
    const ok = await get(agent);
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-type")).toBe("message/rfc822");
    expect(ok.text).toContain("> long history");
    expect((await get(customer)).status).toBe(403);
    expect((await get(null)).status).toBe(401);
  });

  it("an agent replying to their notification's token address posts an outbound reply; to note+, an internal note", async () => {
    const { customer, agent, t } = await agentReplyMail();
    await clearOutbox();
    await receive(eml({ from: customer.email, subject: `Re [${t.number}]`, text: "Customer asks" }));
    const transport = captureTransport();
    await drainOutbox({ transport });
    const toAgent = transport.sent.find((s) => s.mail.to === agent.email)!.mail;
    const reply = await receive(eml({ from: agent.email, to: toAgent.headers!["Reply-To"], text: "Agent answers by mail" }));
    expect(reply).toMatchObject({ outcome: "replied (matched by token)", ticketId: t.id });
    const note = await receive(eml({ from: agent.email, to: toAgent.headers!["Reply-To"].replace(/^reply\+/, "note+"), text: "Internal remark" }));
    const rows = (await messages(t.id)).slice(-2).map((m) => [m.body, m.direction, m.isInternal, m.authorId]);
    expect(note.status).toBe("processed");
    expect(rows).toEqual([["Agent answers by mail", "outbound", false, agent.id], ["Internal remark", "outbound", true, agent.id]]);
  });

  it("a worker that died after posting (before recording it) does not post the mail again", async () => {
    const { customer, t, mail } = await agentReplyMail();
    const row = await receive(eml({ from: customer.email, to: mail.headers!["Reply-To"], text: "Only once" }));
    expect(row.postedMessageId).toBeTruthy();
    const prisma = await db();
    // What the row looks like when the post committed but the worker never marked it done.
    await prisma.inboundEmail.update({ where: { id: row.id }, data: { status: "pending", outcome: null, lockedUntil: null } });
    expect(await drainInbox()).toMatchObject({ processed: 1 });
    expect((await messages(t.id)).filter((m) => m.body === "Only once")).toHaveLength(1);
    expect(await prisma.inboundEmail.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: "processed", outcome: "posted by an earlier attempt" });
  });

  it("a forged token is not trusted", async () => {
    const { customer, t, mail } = await agentReplyMail();
    const forged = mail.headers!["Reply-To"].replace(/^reply\+(.)/, (_, c) => `reply+${c === "a" ? "b" : "a"}`);
    const row = await receive(eml({ from: customer.email, to: forged, subject: "hello", text: "Forged" }));
    expect(row.outcome).toBe("created ticket");
    expect(row.ticketId).not.toBe(t.id);
  });
});

describe("inbound email: new tickets, reopening, loops", () => {
  it("new mail from an unknown sender to the support address creates a ticket (channel email) and a contact", async () => {
    const row = await receive(eml({ from: '"Nina New" <nina@newco.test>', subject: "Cannot log in", text: "My password reset link expired.\r\n\r\n-- \r\nNina" }));
    expect(row).toMatchObject({ status: "processed", outcome: "created ticket" });
    const prisma = await db();
    const t = await prisma.ticket.findUniqueOrThrow({ where: { id: row.ticketId! }, include: { contact: true, user: true, messages: true } });
    expect(t).toMatchObject({ subject: "Cannot log in", channel: "email", status: "new" });
    expect(t.contact).toMatchObject({ email: "nina@newco.test", name: "Nina New" });
    expect(t.user).toMatchObject({ email: "nina@newco.test", role: "customer", passwordHash: null });
    expect(t.messages.map((m) => [m.body, m.direction])).toEqual([["My password reset link expired.", "inbound"]]);
    const transport = captureTransport();
    await drainOutbox({ transport });
    expect(transport.sent.map((s) => s.mail.to)).toEqual(["nina@newco.test"]);
    // Their next mail threads into the same ticket through the acknowledgement's Reply-To.
    const reply = await receive(eml({ from: "nina@newco.test", to: transport.sent[0].mail.headers!["Reply-To"], text: "Any news?" }));
    expect(reply).toMatchObject({ outcome: "replied (matched by token)", ticketId: t.id });
  });

  it("mail not addressed to the support address or the reply domain is ignored", async () => {
    const row = await receive(eml({ from: "someone@else.test", to: "sales@caseflow.test", text: "Wrong door" }));
    expect(row).toMatchObject({ status: "ignored", outcome: "not addressed to the support address", ticketId: null });
  });

  it("a reply to a closed ticket reopens it", async () => {
    const { customer, t, mail } = await agentReplyMail();
    const prisma = await db();
    await prisma.ticket.update({ where: { id: t.id }, data: { status: "closed", closedAt: new Date() } });
    const row = await receive(eml({ from: customer.email, to: mail.headers!["Reply-To"], text: "It broke again." }));
    expect(row.outcome).toBe("replied (matched by token)");
    const after = await prisma.ticket.findUniqueOrThrow({ where: { id: t.id } });
    expect(after.status).toBe("in_progress");
    expect(after.closedAt).toBeNull();
  });

  it("auto-replies, bounces, bulk mail and our own mail are ignored", async () => {
    const { customer, mail } = await agentReplyMail();
    const cases: [Record<string, string>, string, RegExp][] = [
      [{ "Auto-Submitted": "auto-replied" }, customer.email, /Auto-Submitted/],
      [{ Precedence: "bulk" }, customer.email, /Precedence: bulk/],
      [{}, "MAILER-DAEMON@mx.test", /automated sender/],
      [{}, "notify@caseflow.test", /our own address/],
    ];
    for (const [headers, from, reason] of cases) {
      const row = await receive(eml({ from, to: mail.headers!["Reply-To"], headers, text: "I am away" }));
      expect(row.status).toBe("ignored");
      expect(row.outcome).toMatch(reason);
      expect(row.postedMessageId).toBeNull();
    }
  });

  it("two auto-responders cannot loop: a polite one is ignored, a naive one is cut off by the per-sender limit", async () => {
    await withEnv({ INBOUND_RATE_LIMIT_PER_HOUR: "3" }, async () => {
      const prisma = await db();
      // Caseflow's own acknowledgement is an auto-responder; it marks itself as one.
      let incoming = eml({ from: "bot@autoresponder.test", subject: "Question", text: "Hello?" });
      let mailsToBot = 0;
      for (let round = 0; round < 8; round++) {
        await receive(incoming);
        const transport = captureTransport();
        await drainOutbox({ transport });
        const toBot = transport.sent.filter((s) => s.mail.to === "bot@autoresponder.test");
        for (const s of toBot) expect(s.mail.headers?.["Auto-Submitted"]).toBe("auto-generated");
        mailsToBot += toBot.length;
        if (!toBot.length) break;
        // The naive responder ignores Auto-Submitted and answers the From address, unthreaded.
        incoming = eml({ from: "bot@autoresponder.test", subject: `I am away (${round})`, text: "I am on holiday." });
      }
      expect(await prisma.ticket.count({ where: { user: { email: "bot@autoresponder.test" } } })).toBe(3);
      expect(mailsToBot).toBe(3);
      expect((await inboxRows()).at(-1)!.outcome).toMatch(/rate limit/);
      // A polite responder marks its answer, and nothing comes of it at all.
      const polite = await receive(eml({ from: "polite@autoresponder.test", subject: "Out of office", headers: { "Auto-Submitted": "auto-replied" } }));
      expect(polite.status).toBe("ignored");
      expect(await prisma.user.count({ where: { email: "polite@autoresponder.test" } })).toBe(0);
    });
  });
});
