import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { useTestDb } from "./support/db";
import { call } from "./support/http";
import { makeUser } from "./support/cast";
import { supportApi, supportRoutes } from "./support/api";
import { newTicket } from "./support/fixtures";

useTestDb();

// Every field a ticket carries on the wire, read or write.
const TICKET_FIELDS = [
  "id", "subject", "description", "status", "priority", "category", "channel", "sla_due_at",
  "user", "contact", "order", "assigned_to", "watchers",
  "last_message_at", "unread_by_agent", "unread_by_customer",
  "ai_summary", "ai_confidence_score", "ai_first_response_time", "ai_auto_resolved",
  "created_at", "updated_at", "closed_at",
];

describe("ticket create", () => {
  it("links a customer's ticket to them and their contact and writes the first message", async () => {
    const c = await makeUser({ name: "Cora Customer" });
    const t = await newTicket(c, { description: "Order 1001", initial_message: "It never arrived" });
    for (const f of TICKET_FIELDS) expect(t, f).toHaveProperty(f);
    expect(t).not.toHaveProperty("initial_message");
    expect(t.user).toBe(c.id);
    expect(t.contact).toMatch(/[0-9a-f-]{36}/);
    expect(t.status).toBe("new");
    expect(t.channel).toBe("portal");
    expect(t.ticket_number).toMatch(/^T-\d{8}-\d{4}$/);
    expect(t.unread_by_agent).toBe(1);
    expect(t.unread_by_customer).toBe(0);
    expect(t.watchers).toEqual([]);
    expect(new Date(t.sla_due_at).getTime()).toBeGreaterThan(Date.now());
    const prisma = await db();
    const contact = await prisma.contact.findUniqueOrThrow({ where: { id: t.contact } });
    expect(contact.userId).toBe(c.id);
    expect(contact.email).toBe(c.email);
    const msgs = await supportApi.listMessages(c, { ticket: t.id });
    expect(msgs.json.results.map((m: any) => [m.body, m.direction])).toEqual([["It never arrived", "inbound"]]);
    // A second ticket reuses the same contact.
    const t2 = await newTicket(c);
    expect(t2.contact).toBe(t.contact);
  });

  it("refuses agent-only fields from customers and validates fields DRF-style", async () => {
    const c = await makeUser();
    const r = await supportApi.createTicket(c, { subject: "x", priority: "urgent", assigned_to: c.id });
    expect(r.status).toBe(400);
    expect(Object.keys(r.json).sort()).toEqual(["assigned_to", "priority"]);
    const missing = await supportApi.createTicket(c, { description: "no subject" });
    expect(missing.status).toBe(400);
    expect(missing.json).toEqual({ subject: ["This field is required."] });
    const blank = await supportApi.createTicket(c, { subject: "   " });
    expect(blank.json.subject).toEqual(["This field may not be blank."]);
    const notDict = await supportApi.createTicket(c, ["a"]);
    expect(notDict.status).toBe(400);
    expect(notDict.json).toHaveProperty("non_field_errors");
  });

  it("rejects a customer referencing someone else's order but accepts their own", async () => {
    const c = await makeUser();
    const other = await makeUser();
    const prisma = await db();
    const mine = await prisma.order.create({ data: { number: `O-${Date.now()}-1`, userId: c.id } });
    const theirs = await prisma.order.create({ data: { number: `O-${Date.now()}-2`, userId: other.id } });
    const bad = await supportApi.createTicket(c, { subject: "Order", order: theirs.id });
    expect(bad.status).toBe(400);
    expect(bad.json.order[0]).toMatch(/does not exist/);
    const ok = await newTicket(c, { order: mine.id });
    expect(ok.order).toBe(mine.id);
  });

  it("lets agents open tickets on behalf of a user or a contact, with agent fields", async () => {
    const agent = await makeUser({ role: "customer_service" });
    const c = await makeUser();
    const t = await newTicket(agent, { user: c.id, priority: "urgent", channel: "phone", category: "billing", watchers: [agent.id], assigned_to: agent.id });
    expect(t.user).toBe(c.id);
    expect(t.contact).toBeTruthy();
    expect(t.priority).toBe("urgent");
    expect(t.channel).toBe("phone");
    expect(t.status).toBe("assigned");
    expect(t.watchers).toEqual([agent.id]);
    expect(t.unread_by_customer).toBe(1); // the agent's initial message is for the customer
    const prisma = await db();
    const contact = await prisma.contact.create({ data: { email: `lead-${Date.now()}@example.test`, name: "Lead" } });
    const viaContact = await newTicket(agent, { contact: contact.id, initial_message: undefined });
    expect(viaContact.contact).toBe(contact.id);
    expect(viaContact.user).toBeNull();
    const missing = await supportApi.createTicket(agent, { subject: "x", user: "00000000-0000-4000-8000-000000000000" });
    expect(missing.status).toBe(400);
    expect(missing.json.user[0]).toMatch(/does not exist/);
    const notAgent = await supportApi.createTicket(agent, { subject: "x", assigned_to: c.id });
    expect(notAgent.status).toBe(400);
    expect(notAgent.json.assigned_to[0]).toMatch(/agents/);
  });

  it("maps bad bodies to 400 / 413 / 415, never 500", async () => {
    const c = await makeUser();
    const h = supportRoutes.ticketsRoute.POST as any;
    const badJson = await call(h, "POST", "/api/v1/support/tickets/", { user: c, raw: { body: "{nope", contentType: "application/json" } });
    expect(badJson.status).toBe(400);
    expect(badJson.json.non_field_errors[0]).toMatch(/JSON parse error/);
    const text = await call(h, "POST", "/api/v1/support/tickets/", { user: c, raw: { body: "subject=x", contentType: "text/plain" } });
    expect(text.status).toBe(415);
    expect(text.json.detail).toMatch(/Unsupported media type/);
    const huge = await call(h, "POST", "/api/v1/support/tickets/", { user: c, body: { subject: "x", description: "a".repeat(1_100_000) } });
    expect(huge.status).toBe(413);
  });
});

describe("ticket read and permissions", () => {
  it("hides other customers' tickets as 404 and shows agents everything", async () => {
    const a = await makeUser();
    const b = await makeUser();
    const t = await newTicket(a);
    expect((await supportApi.getTicket(b, t.id)).status).toBe(404);
    expect((await supportApi.getTicket(b, "not-a-uuid")).status).toBe(404);
    expect((await supportApi.getTicket(a, t.id)).status).toBe(200);
    for (const agent of [
      await makeUser({ role: "customer_service" }),
      await makeUser({ role: "sales_manager" }),
      await makeUser({ role: "super_admin" }),
      await makeUser({ isStaff: true }),
      await makeUser({ permissions: ["support.view_ticket"] }),
    ]) {
      expect((await supportApi.getTicket(agent, t.id)).status).toBe(200);
    }
    const bList = await supportApi.listTickets(b);
    expect(bList.json.results.map((x: any) => x.id)).not.toContain(t.id);
  });

  it("lets a customer see tickets where they are the contact's linked user", async () => {
    const agent = await makeUser({ role: "customer_service" });
    const c = await makeUser();
    const prisma = await db();
    const contact = await prisma.contact.create({ data: { email: `linked-${Date.now()}@example.test`, userId: c.id } });
    const t = await newTicket(agent, { contact: contact.id, initial_message: "We called you" });
    // user is the contact's linked user here, so clear it to test the contact path alone.
    await prisma.ticket.update({ where: { id: t.id }, data: { userId: null } });
    expect((await supportApi.getTicket(c, t.id)).status).toBe(200);
  });

  it("hides AI fields from customers", async () => {
    const c = await makeUser();
    const agent = await makeUser({ role: "admin" });
    const t = await newTicket(c);
    await supportApi.patchTicket(agent, t.id, { ai_summary: "Customer angry", ai_confidence_score: 0.9, ai_auto_resolved: true });
    const seen = await supportApi.getTicket(c, t.id);
    expect(seen.json.ai_summary).toBeNull();
    expect(seen.json.ai_confidence_score).toBeNull();
    expect((await supportApi.getTicket(agent, t.id)).json.ai_summary).toBe("Customer angry");
  });
});

describe("ticket update", () => {
  it("forbids customers from editing (403)", async () => {
    const c = await makeUser();
    const t = await newTicket(c);
    const r = await supportApi.patchTicket(c, t.id, { subject: "mine" });
    expect(r.status).toBe(403);
    const other = await makeUser();
    expect((await supportApi.patchTicket(other, t.id, { subject: "x" })).status).toBe(404);
  });

  it("restricts assignment and status changes to the assignee or an admin", async () => {
    const c = await makeUser();
    const a1 = await makeUser({ role: "customer_service" });
    const a2 = await makeUser({ role: "customer_service" });
    const admin = await makeUser({ role: "admin" });
    const t = await newTicket(c);
    // Any agent may take an unassigned ticket, but not hand it to someone else.
    expect((await supportApi.patchTicket(a2, t.id, { assigned_to: a1.id })).status).toBe(403);
    expect((await supportApi.patchTicket(a2, t.id, { status: "in_progress" })).status).toBe(403);
    const took = await supportApi.patchTicket(a1, t.id, { assigned_to: a1.id });
    expect(took.status).toBe(200);
    expect(took.json.assigned_to).toBe(a1.id);
    expect(took.json.status).toBe("assigned");
    // Now a2 is neither assignee nor admin.
    expect((await supportApi.patchTicket(a2, t.id, { assigned_to: a2.id })).status).toBe(403);
    expect((await supportApi.patchTicket(a2, t.id, { status: "pending" })).status).toBe(403);
    // ...but may edit the other fields.
    const prio = await supportApi.patchTicket(a2, t.id, { priority: "high", category: "billing", watchers: [a2.id] });
    expect(prio.status).toBe(200);
    expect(prio.json.priority).toBe("high");
    expect(prio.json.watchers).toEqual([a2.id]);
    expect((await supportApi.patchTicket(a1, t.id, { status: "in_progress" })).json.status).toBe("in_progress");
    const reassigned = await supportApi.patchTicket(admin, t.id, { assigned_to: a2.id });
    expect(reassigned.status).toBe(200);
    expect(reassigned.json.assigned_to).toBe(a2.id);
  });

  it("maintains resolved_at / closed_at and records events", async () => {
    const c = await makeUser();
    const admin = await makeUser({ role: "admin" });
    const t = await newTicket(c);
    const closed = await supportApi.patchTicket(admin, t.id, { status: "closed" });
    expect(closed.json.closed_at).not.toBeNull();
    expect(closed.json.resolved_at).not.toBeNull();
    const reopened = await supportApi.patchTicket(admin, t.id, { status: "in_progress", priority: "urgent" });
    expect(reopened.json.closed_at).toBeNull();
    expect(reopened.json.resolved_at).toBeNull();
    const ev = await supportApi.listEvents(admin, { ticket: t.id });
    const types = ev.json.results.map((e: any) => e.type);
    expect(types.filter((x: string) => x === "status_changed")).toHaveLength(2);
    expect(types).toContain("priority_changed");
    expect(types[types.length - 1]).toBe("ticket_created");
    expect(ev.json.results[0].data).toMatchObject({ to: expect.any(String) });
  });

  it("honours If-Match and If-Unmodified-Since with 412 on stale edits", async () => {
    const c = await makeUser();
    const admin = await makeUser({ role: "admin" });
    const t = await newTicket(c);
    const first = await supportApi.getTicket(admin, t.id);
    const etag = first.headers.get("etag")!;
    expect(etag).toMatch(/^".+"$/);
    const ok = await supportApi.patchTicket(admin, t.id, { priority: "high" }, { "if-match": etag });
    expect(ok.status).toBe(200);
    expect(ok.headers.get("etag")).not.toBe(etag);
    const stale = await supportApi.patchTicket(admin, t.id, { priority: "low" }, { "if-match": etag });
    expect(stale.status).toBe(412);
    expect(stale.json.detail).toMatch(/changed/);
    expect((await supportApi.getTicket(admin, t.id)).json.priority).toBe("high");
    const past = new Date(Date.now() - 3600_000).toUTCString();
    expect((await supportApi.patchTicket(admin, t.id, { priority: "low" }, { "if-unmodified-since": past })).status).toBe(412);
    const future = new Date(Date.now() + 3600_000).toUTCString();
    expect((await supportApi.patchTicket(admin, t.id, { priority: "low" }, { "if-unmodified-since": future })).status).toBe(200);
    expect((await supportApi.patchTicket(admin, t.id, { priority: "low" }, { "if-unmodified-since": "yesterday" })).status).toBe(400);
  });

  it("validates PATCH fields", async () => {
    const c = await makeUser();
    const admin = await makeUser({ role: "admin" });
    const t = await newTicket(c);
    const r = await supportApi.patchTicket(admin, t.id, { status: "done", sla_due_at: "tomorrow", ai_confidence_score: 3, watchers: ["x"] });
    expect(r.status).toBe(400);
    expect(Object.keys(r.json).sort()).toEqual(["ai_confidence_score", "sla_due_at", "status", "watchers"]);
    expect(r.json.status[0]).toMatch(/not a valid choice/);
    const unknownUser = await supportApi.patchTicket(admin, t.id, { watchers: ["00000000-0000-4000-8000-000000000000"] });
    expect(unknownUser.status).toBe(400);
  });
});

describe("mark-read", () => {
  it("clears only the actor's side", async () => {
    const c = await makeUser();
    const agent = await makeUser({ role: "customer_service" });
    const t = await newTicket(c);
    await supportApi.postMessage(agent, { ticket: t.id, body: "On it" });
    let cur = (await supportApi.getTicket(agent, t.id)).json;
    expect([cur.unread_by_agent, cur.unread_by_customer]).toEqual([1, 1]);
    const byAgent = await supportApi.markRead(agent, t.id);
    expect(byAgent.status).toBe(200);
    expect([byAgent.json.unread_by_agent, byAgent.json.unread_by_customer]).toEqual([0, 1]);
    const byCustomer = await supportApi.markRead(c, t.id);
    expect([byCustomer.json.unread_by_agent, byCustomer.json.unread_by_customer]).toEqual([0, 0]);
    expect((await supportApi.markRead(await makeUser(), t.id)).status).toBe(404);
  });
});

describe("method handling", () => {
  it("answers unsupported methods with 405 and Allow", async () => {
    const u = await makeUser();
    const r = await call(supportRoutes.ticketsRoute.DELETE as any, "DELETE", "/api/v1/support/tickets/", { user: u });
    expect(r.status).toBe(405);
    expect(r.json.detail).toBe('Method "DELETE" not allowed.');
    expect(r.headers.get("allow")).toContain("GET");
    expect((await call(supportRoutes.eventsRoute.POST as any, "POST", "/api/v1/support/events/", { user: u })).status).toBe(405);
  });
});
