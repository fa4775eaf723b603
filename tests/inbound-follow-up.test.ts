import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { drainInbox } from "@/lib/inbound/worker";
import { drainOutbox } from "@/lib/notifications/worker";
import { supportApi } from "./support/api";
import { captureTransport } from "./support/capture-transport";
import { makeUser } from "./support/cast";
import { useTestDb } from "./support/db";
import { withEnv } from "./support/env-override";
import { clearOutbox, makeCompany, openAssignedTicket, postMessage } from "./support/fixtures";
import { agentReplyMail, eml, inboxRows, postMime, receive, setInboundEnv } from "./support/mail";

// A reply long after a ticket was closed opens a linked follow-up ticket (when configured), and
// a contact created from new mail lands in the company that owns the sender's email domain.
useTestDb();
beforeAll(setInboundEnv);
beforeEach(clearOutbox);

const DAY = 86_400_000;

async function setDone(ticketId: string, status: "resolved" | "closed", daysAgo: number) {
  const prisma = await db();
  const at = new Date(Date.now() - daysAgo * DAY);
  await prisma.ticket.update({ where: { id: ticketId }, data: { status, resolvedAt: at, closedAt: status === "closed" ? at : null } });
}

async function ticket(id: string) {
  const prisma = await db();
  return prisma.ticket.findUniqueOrThrow({ where: { id }, include: { messages: { orderBy: { createdAt: "asc" } } } });
}

type Ev = { type: string; data: Record<string, unknown> };
async function followUpEvents(user: Parameters<typeof supportApi.listEvents>[0], ticketId: string) {
  const r = await supportApi.listEvents(user, { ticket: ticketId });
  expect(r.status, r.text).toBe(200);
  return (r.json.results as Ev[]).filter((e) => e.type === "ticket_updated" && String(e.data.action).includes("follow")).map((e) => e.data);
}

describe("inbound email: reply to an old resolved/closed ticket", () => {
  it("without INBOUND_REOPEN_WITHIN_DAYS a reply reopens the ticket however old its closing", async () => {
    const { customer, t, mail } = await agentReplyMail();
    await setDone(t.id, "closed", 400);
    const row = await receive(eml({ from: customer.email, to: mail.headers!["Reply-To"], text: "Still broken." }));
    expect(row).toMatchObject({ outcome: "replied (matched by token)", ticketId: t.id });
    expect((await ticket(t.id)).status).toBe("in_progress");
  });

  it("within N days the reply reopens the ticket", async () => {
    await withEnv({ INBOUND_REOPEN_WITHIN_DAYS: "7" }, async () => {
      const { customer, t, mail } = await agentReplyMail();
      await setDone(t.id, "resolved", 6);
      const row = await receive(eml({ from: customer.email, to: mail.headers!["Reply-To"], text: "One more thing." }));
      expect(row).toMatchObject({ outcome: "replied (matched by token)", ticketId: t.id });
      expect((await ticket(t.id)).status).toBe("in_progress");
    });
  });

  it("after N days it opens a follow-up ticket, linked both ways, and leaves the old one closed", async () => {
    await withEnv({ INBOUND_REOPEN_WITHIN_DAYS: "7" }, async () => {
      const { customer, agent, t, mail } = await agentReplyMail();
      await setDone(t.id, "closed", 8);
      const before = (await ticket(t.id)).messages.length;
      const row = await receive(eml({ from: customer.email, to: mail.headers!["Reply-To"], subject: `Re: ${mail.subject}`, text: "The new card is declined too.\r\n\r\nOn Mon, Support wrote:\r\n> old" }));
      expect(row).toMatchObject({ status: "processed", outcome: `created follow-up of ${t.number} (matched by token)` });
      expect(row.ticketId).not.toBe(t.id);
      const old = await ticket(t.id);
      expect(old.status).toBe("closed");
      expect(old.messages).toHaveLength(before);
      const fresh = await ticket(row.ticketId!);
      expect(fresh).toMatchObject({ channel: "email", status: "new", userId: customer.id, contactId: old.contactId, subject: `Re: ${mail.subject}` });
      expect(fresh.description).toContain(`Follow-up to ${t.number}`);
      expect(fresh.messages.map((m) => [m.body, m.direction])).toEqual([["The new card is declined too.", "inbound"]]);
      expect(row.postedMessageId).toBe(fresh.messages[0].id);
      expect(await followUpEvents(agent, fresh.id)).toEqual([{ action: "follow_up_of", ticket: t.id, number: t.number }]);
      expect(await followUpEvents(agent, t.id)).toEqual([{ action: "followed_up_by", ticket: fresh.id, number: fresh.number }]);
      // The customer sees the link on their own tickets too.
      expect(await followUpEvents(customer, t.id)).toHaveLength(1);
      // Replying to the old thread again goes to the follow-up, not to a third ticket.
      const again = await receive(eml({ from: customer.email, subject: `Re [${t.number}]`, text: "Any news?" }));
      expect(again).toMatchObject({ outcome: "replied (matched by subject)", ticketId: fresh.id });
      expect((await ticket(fresh.id)).messages.at(-1)!.body).toBe("Any news?");
    });
  });

  it("agents replying to an old closed ticket by mail still post to it", async () => {
    await withEnv({ INBOUND_REOPEN_WITHIN_DAYS: "1" }, async () => {
      const { customer, agent, t } = await agentReplyMail();
      await receive(eml({ from: customer.email, subject: `Re [${t.number}]`, text: "Customer asks" }));
      const transport = captureTransport();
      await drainOutbox({ transport });
      const toAgent = transport.sent.find((s) => s.mail.to === agent.email)!.mail;
      await setDone(t.id, "closed", 30);
      const row = await receive(eml({ from: agent.email, to: toAgent.headers!["Reply-To"], text: "Closing note by mail" }));
      expect(row).toMatchObject({ outcome: "replied (matched by token)", ticketId: t.id });
    });
  });

  it("a bad INBOUND_REOPEN_WITHIN_DAYS is an error, not a silent default", async () => {
    const { inboundConfig } = await import("@/lib/inbound/config");
    const env = (days: string | undefined) => ({ ...process.env, INBOUND_REOPEN_WITHIN_DAYS: days });
    expect(() => inboundConfig(env("soon"))).toThrow();
    expect(() => inboundConfig(env("-1"))).toThrow();
    expect(inboundConfig(env("14")).reopenWithinDays).toBe(14);
    expect(inboundConfig(env(undefined)).reopenWithinDays).toBeNull();
  });
});

describe("inbound email: company by the sender's domain", () => {
  async function setDomain(companyId: string, domain: string) {
    const prisma = await db();
    await prisma.company.update({ where: { id: companyId }, data: { domain } });
  }

  it("new mail from an unknown sender puts the new contact (and ticket) in the company with that domain", async () => {
    const acme = await makeCompany("Acme");
    await setDomain(acme.id, "Acme-Widgets.test");
    await makeCompany("Other");
    const row = await receive(eml({ from: "Olga <olga@ACME-widgets.test>", subject: "Invoice", text: "Where is it?" }));
    expect(row.outcome).toBe("created ticket");
    const t = await ticket(row.ticketId!);
    const prisma = await db();
    const contact = await prisma.contact.findUniqueOrThrow({ where: { id: t.contactId! } });
    expect(contact).toMatchObject({ email: "olga@acme-widgets.test", companyId: acme.id });
    expect(t.companyId).toBe(acme.id);
  });

  it("no company when none or several companies have the domain; the domain is not a pattern", async () => {
    const a = await makeCompany("Twin A");
    const b = await makeCompany("Twin B");
    await setDomain(a.id, "twins.test");
    await setDomain(b.id, "twins.test");
    await setDomain((await makeCompany("Solo")).id, "solo.test");
    const prisma = await db();
    for (const from of ["x@twins.test", "y@nobody-has-this.test", "z@solo_test", "w@%.test"]) {
      const row = await receive(eml({ from, subject: "Hello", text: "Hi" }));
      expect(row.outcome, from).toBe("created ticket");
      const t = await ticket(row.ticketId!);
      expect(t.companyId, from).toBeNull();
      expect((await prisma.contact.findUniqueOrThrow({ where: { id: t.contactId! } })).companyId, from).toBeNull();
    }
  });

  it("an existing contact keeps its own company", async () => {
    const acme = await makeCompany("Acme Two");
    const mine = await makeCompany("Mine");
    await setDomain(acme.id, "acme2.test");
    const prisma = await db();
    await prisma.contact.create({ data: { email: "pat@acme2.test", name: "Pat", companyId: mine.id } });
    const row = await receive(eml({ from: "pat@acme2.test", subject: "Hello", text: "Hi" }));
    const t = await ticket(row.ticketId!);
    expect(t.companyId).toBe(mine.id);
    expect((await prisma.contact.findUniqueOrThrow({ where: { email: "pat@acme2.test" } })).companyId).toBe(mine.id);
  });

  it("a known customer without a contact, replying by mail, gets a contact in their domain's company", async () => {
    const acme = await makeCompany("Acme Three");
    await setDomain(acme.id, "acme3.test");
    const u = await makeUser({ name: "Quinn", email: "quinn@acme3.test" });
    const row = await receive(eml({ from: u.email, subject: "Hello", text: "Hi" }));
    expect((await ticket(row.ticketId!)).companyId).toBe(acme.id);
  });
});
