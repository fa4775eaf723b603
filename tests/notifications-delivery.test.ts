import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { NextRequest } from "next/server";
import { drainOutbox } from "@/lib/notifications/worker";
import { api } from "@/lib/api/handler";
import { MAX_YIELD_MS, requestEnded, requestStarted, requestsInFlight, yieldMs } from "@/lib/api/in-flight";
import { localTransport } from "@/lib/notifications/transports/local";
import { useTestDb } from "./support/db";
import { call } from "./support/http";
import { makeUser } from "./support/cast";
import { supportApi } from "./support/api";
import { clearOutbox, openAssignedTicket, openTicket, outbox, postMessage } from "./support/fixtures";
import { captureTransport } from "./support/capture-transport";

// Each public reply, customer reply or customer-visible status change queues exactly the emails
// its recipients should get, and delivers each once; internal notes and triage changes queue none.
useTestDb();

beforeEach(async () => {
  await clearOutbox();
  delete process.env.NOTIFY_CUSTOMER_REPLY;
  delete process.env.NOTIFY_TICKET_UPDATE;
  delete process.env.NOTIFY_TICKET_CREATED;
});

describe("notifications: delivery", () => {
  it("a new ticket sends one acknowledgement to its customer (and nothing for its first message)", async () => {
    const { customer, t } = await openAssignedTicket();
    const rows = await outbox();
    expect(rows.map((r) => [r.kind, r.toEmail])).toEqual([["ticket_created", customer.email]]);
    const transport = captureTransport();
    await drainOutbox({ transport });
    expect(transport.sent).toHaveLength(1);
    const m = transport.sent[0].mail;
    expect(m.subject).toBe(`We received your request: ${t.subject} [${t.number}]`);
    expect(m.text).toContain("Where is my refund?");
    expect(m.text).toContain(`/portal/tickets/${t.id}/`);
  });

  it("an agent reply queues and delivers exactly one customer email", async () => {
    const { customer, agent, t } = await openAssignedTicket();
    await clearOutbox();
    const r = await postMessage(agent, t.id, "Your refund was issued on Jan 29.\nIt takes 3–5 days.");
    expect(r.status, r.text).toBe(201);
    const rows = await outbox();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ kind: "ticket_update", toEmail: customer.email, recipientId: customer.id, messageId: r.json.id, status: "pending" });

    const transport = captureTransport();
    expect(await drainOutbox({ transport })).toEqual({ sent: 1, retried: 0, dead: 0 });
    expect(transport.sent).toHaveLength(1);
    const { mail, key } = transport.sent[0];
    expect(key).toBe(rows[0].id);
    expect(mail.to).toBe(customer.email);
    expect(mail.subject).toBe(`Re: ${t.subject} [${t.number}]`);
    for (const part of [mail.html, mail.text]) {
      expect(part).toContain(t.number);
      expect(part).toContain("Your refund was issued on Jan 29.");
      expect(part).toContain(`http://localhost:3000/portal/tickets/${t.id}/`);
      expect(part).toContain("Sam Ortega");
    }
    const after = await outbox();
    expect(after[0]).toMatchObject({ status: "sent", attempts: 1, providerId: "cap-1", lastError: null });
    // Draining again sends nothing.
    await drainOutbox({ transport });
    expect(transport.sent).toHaveLength(1);
  });

  it("an internal note queues no email", async () => {
    const { agent, t } = await openAssignedTicket();
    await clearOutbox();
    const r = await postMessage(agent, t.id, "Customer seems upset; check the payment gateway logs.", true);
    expect(r.status, r.text).toBe(201);
    expect(await outbox()).toHaveLength(0);
  });

  it("a customer reply reaches the assignee, with a workspace link", async () => {
    const { customer, agent, t } = await openAssignedTicket();
    await clearOutbox();
    const r = await postMessage(customer, t.id, "Card ends in 4417.");
    expect(r.status, r.text).toBe(201);
    const rows = await outbox();
    expect(rows.map((x) => [x.kind, x.toEmail])).toEqual([["customer_reply", agent.email]]);
    const transport = captureTransport();
    await drainOutbox({ transport });
    const mail = transport.sent[0].mail;
    expect(mail.subject).toBe(`New reply from Dana Whitfield: ${t.subject} [${t.number}]`);
    expect(mail.text).toContain("Card ends in 4417.");
    expect(mail.text).toContain(`/agent/tickets/${t.id}/`);
    expect(mail.text).toContain("you are assigned to this ticket");
  });

  it("unassigned: a customer reply goes to watchers, else to the ticket's team", async () => {
    const customer = await makeUser();
    const watcher = await makeUser({ role: "customer_service" });
    const t = await openTicket(customer);
    const prisma = await db();
    const team = await prisma.team.create({ data: { name: `Billing ${Date.now()}` } });
    const member = await makeUser({ role: "customer_service" });
    await prisma.user.update({ where: { id: member.id }, data: { teamId: team.id } });
    await prisma.ticket.update({ where: { id: t.id }, data: { assignedTeamId: team.id } });

    await clearOutbox();
    await postMessage(customer, t.id, "Anyone there?");
    expect((await outbox()).map((x) => x.toEmail)).toEqual([member.email]);

    expect((await supportApi.patchTicket(watcher, t.id, { watchers: [watcher.id] })).status).toBe(200);
    await clearOutbox();
    await postMessage(customer, t.id, "Hello again");
    expect((await outbox()).map((x) => x.toEmail)).toEqual([watcher.email]);
  });

  it("a status change the customer cares about emails them; triage changes do not", async () => {
    const { customer, agent, t } = await openAssignedTicket(); // new -> assigned happened here already
    expect((await outbox({ kind: "ticket_update" }))).toHaveLength(0);
    const r = await supportApi.patchTicket(agent, t.id, { status: "resolved" });
    expect(r.status, r.text).toBe(200);
    const rows = await outbox({ kind: "ticket_update" });
    expect(rows.map((x) => x.toEmail)).toEqual([customer.email]);
    const transport = captureTransport();
    await drainOutbox({ transport });
    const mail = transport.sent.find((s) => s.key === rows[0].id)!.mail;
    expect(mail.subject).toBe(`Resolved: ${t.subject} [${t.number}]`);
    expect(mail.text).toContain("Resolved");
  });

  it("operator switches turn a kind off", async () => {
    process.env.NOTIFY_TICKET_UPDATE = "off";
    process.env.NOTIFY_TICKET_CREATED = "off";
    const { agent, t } = await openAssignedTicket();
    expect(await outbox()).toHaveLength(0);
    expect((await postMessage(agent, t.id, "Hello")).status).toBe(201);
    expect(await outbox()).toHaveLength(0);
  });

  it("agents' preferences are respected; customers cannot set any", async () => {
    const { customer, agent, t } = await openAssignedTicket();
    const prefs = await import("@/app/api/v1/support/notification-preferences/route");
    const path = "/api/v1/support/notification-preferences/";
    const g = await call(prefs.GET as any, "GET", path, { user: agent });
    expect(g.json).toEqual({ ticket_update: true, customer_reply: true, ticket_created: true, sla_warning: true, sla_breached: true });
    const p = await call(prefs.PUT as any, "PUT", path, { user: agent, body: { customer_reply: false, sla_warning: false } });
    expect(p.status, p.text).toBe(200);
    expect(p.json).toEqual({ ticket_update: true, customer_reply: false, ticket_created: true, sla_warning: false, sla_breached: true });
    const bad = await call(prefs.PUT as any, "PUT", path, { user: agent, body: { customer_reply: "nope" } });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.json)).toEqual(["customer_reply"]);
    expect((await call(prefs.PUT as any, "PUT", path, { user: agent, body: { digest: true } })).status).toBe(400);
    expect((await call(prefs.GET as any, "GET", path, { user: customer })).status).toBe(403);
    expect((await call(prefs.PUT as any, "PUT", path, { user: customer, body: { customer_reply: false } })).status).toBe(403);
    expect((await call(prefs.GET as any, "GET", path, {})).status).toBe(401);
    expect((await call(prefs.POST as any, "POST", path, { user: agent })).status).toBe(405);

    await clearOutbox();
    await postMessage(customer, t.id, "Ping");
    expect(await outbox()).toHaveLength(0);
  });

  it("the local transport stores each notification once, even when retried", async () => {
    const { customer, agent, t } = await openAssignedTicket();
    await clearOutbox();
    await postMessage(agent, t.id, "Stored locally");
    const [row] = await outbox();
    const local = localTransport();
    await drainOutbox({ transport: local });
    const prisma = await db();
    const mails = await prisma.localMail.findMany();
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ to: customer.email, idempotencyKey: row.id });
    // A worker that lost its lease and re-sends the same notification finds the first copy.
    const again = await local.send({ from: "x@y", to: customer.email, subject: "s", html: "h", text: "t" }, { idempotencyKey: row.id });
    expect(again.providerId).toBe(mails[0].id);
    expect(await prisma.localMail.count()).toBe(1);
  });
});

describe("notifications: the worker steps aside for requests", () => {
  it("pauses between mails while an API request is being served, and not when none is", async () => {
    const { agent, t } = await openAssignedTicket();
    await clearOutbox();
    for (const body of ["First update.", "Second update.", "Third update."]) expect((await postMessage(agent, t.id, body)).status).toBe(201);
    expect(await outbox()).toHaveLength(3);
    const pauses: number[] = [];
    const pause = async (ms: number) => void pauses.push(ms);
    requestStarted(); // a request in flight, as lib/api/handler.ts counts one
    try {
      expect(await drainOutbox({ transport: captureTransport(), pause })).toMatchObject({ sent: 3 });
    } finally {
      requestEnded();
    }
    expect(pauses).toHaveLength(3);
    expect(pauses.every((ms) => ms >= 1 && ms <= MAX_YIELD_MS)).toBe(true);

    for (const body of ["Fourth update.", "Fifth update."]) expect((await postMessage(agent, t.id, body)).status).toBe(201);
    pauses.length = 0;
    expect(requestsInFlight()).toBe(0);
    expect(await drainOutbox({ transport: captureTransport(), pause })).toMatchObject({ sent: 2 });
    expect(pauses).toEqual([]);
  });

  it("counts a request from the route wrapper's entry until its handler returns, errors included", async () => {
    const seen: number[] = [];
    const route = api(async () => {
      seen.push(requestsInFlight());
      throw new Error("boom");
    });
    const r = await route(new NextRequest("http://localhost:3000/api/v1/x"), { params: Promise.resolve({}) });
    expect(r.status).toBe(500);
    expect(seen).toEqual([1]);
    expect(requestsInFlight()).toBe(0);
    expect(yieldMs(3, 1)).toBe(9);
    expect(yieldMs(3, 0)).toBe(0);
    expect(yieldMs(500, 2)).toBe(MAX_YIELD_MS);
  });
});
