import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import * as macrosRoute from "@/app/api/v1/support/macros/route";
import * as macroRoute from "@/app/api/v1/support/macros/[id]/route";
import * as applyRoute from "@/app/api/v1/support/tickets/[id]/apply-macro/route";
import { useTestDb } from "./support/db";
import { makeUser } from "./support/cast";
import { call, handler as h } from "./support/http";
import { supportApi } from "./support/api";
import { newTicket } from "./support/fixtures";

useTestDb();

type U = { token: string };
const macros = {
  list: (u: U, query: Record<string, string> = {}) => call(h(macrosRoute.GET), "GET", "/api/v1/support/macros/", { user: u, query }),
  create: (u: U, body: unknown) => call(h(macrosRoute.POST), "POST", "/api/v1/support/macros/", { user: u, body }),
  get: (u: U, id: string) => call(h(macroRoute.GET), "GET", `/api/v1/support/macros/${id}/`, { user: u, params: { id } }),
  patch: (u: U, id: string, body: unknown) => call(h(macroRoute.PATCH), "PATCH", `/api/v1/support/macros/${id}/`, { user: u, body, params: { id } }),
  del: (u: U, id: string) => call(h(macroRoute.DELETE), "DELETE", `/api/v1/support/macros/${id}/`, { user: u, params: { id } }),
  apply: (u: U, id: string, body: unknown, headers: Record<string, string> = {}) =>
    call(h(applyRoute.POST), "POST", `/api/v1/support/tickets/${id}/apply-macro/`, { user: u, body, headers, params: { id } }),
};

async function created(u: U, body: Record<string, unknown>) {
  const r = await macros.create(u, body);
  expect(r.status, r.text).toBe(201);
  return r.json as Record<string, any>;
}

describe("macros", () => {
  it("are created personal or shared, validated, and listed with search and cursor pages", async () => {
    const agent = await makeUser({ role: "customer_service" });
    const m = await created(agent, { name: " Refund sent ", body: "Hi {{customer.first_name}}", status: "pending", add_tags: ["Refund", "refund"], assigned_to: "me" });
    expect(m).toMatchObject({ name: "Refund sent", status: "pending", priority: null, assigned_to: "me", add_tags: ["refund"], remove_tags: [], shared: false, owner: agent.id, usage_count: 0, can_edit: true });
    const bad = await macros.create(agent, { name: "", body: "{{customer.nmae}}", status: "nope", assigned_to: "someone" });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.json).sort()).toEqual(["assigned_to", "name", "status"]);
    const typo = await macros.create(agent, { name: "x", body: "Hi {{customer.nmae}}" });
    expect(typo.status).toBe(400);
    expect(typo.json.body[0]).toMatch(/Unknown placeholder \{\{customer\.nmae\}\}/);
    const empty = await macros.create(agent, { name: "nothing" });
    expect(empty.status).toBe(400);
    expect(Object.keys(empty.json)).toEqual(["body"]);
    const customer = await makeUser();
    const notAgent = await makeUser({ role: "customer" });
    const agentUser = await macros.create(agent, { name: "x", body: "y", assigned_to: customer.id });
    expect(agentUser.status).toBe(400);
    expect(Object.keys(agentUser.json)).toEqual(["assigned_to"]);
    expect((await macros.create(notAgent, { name: "x", body: "y" })).status).toBe(403);
    expect((await macros.list(notAgent)).status).toBe(403);

    for (let i = 0; i < 3; i++) await created(agent, { name: `Shipping ${i}`, body: "On its way", shared: true });
    const page = await macros.list(agent, { search: "SHIPPING", page_size: "2" });
    expect(page.status).toBe(200);
    expect(page.json.results.map((x: any) => x.name)).toEqual(["Shipping 0", "Shipping 1"]);
    expect(page.json.next).toBeTruthy();
    const byBody = await macros.list(agent, { search: "first_name" });
    expect(byBody.json.results.map((x: any) => x.id)).toEqual([m.id]);
  });

  it("personal macros are their owner's alone; shared ones are edited by their creator or an admin", async () => {
    const owner = await makeUser({ role: "customer_service" });
    const other = await makeUser({ role: "customer_service" });
    const admin = await makeUser({ role: "admin", isStaff: true });
    const personal = await created(owner, { name: "Mine", body: "x" });
    const shared = await created(owner, { name: "Team", body: "y", shared: true });
    for (const u of [other, admin]) {
      expect((await macros.get(u, personal.id)).status).toBe(404);
      expect((await macros.patch(u, personal.id, { name: "z" })).status).toBe(404);
      expect((await macros.del(u, personal.id)).status).toBe(404);
      const ids = (await macros.list(u, { page_size: "100" })).json.results.map((x: any) => x.id);
      expect(ids).toContain(shared.id);
      expect(ids).not.toContain(personal.id);
    }
    expect((await macros.get(other, shared.id)).json.can_edit).toBe(false);
    expect((await macros.patch(other, shared.id, { name: "hijack" })).status).toBe(403);
    expect((await macros.del(other, shared.id)).status).toBe(403);
    const byAdmin = await macros.patch(admin, shared.id, { name: "Team reply", priority: "high" });
    expect(byAdmin.status, byAdmin.text).toBe(200);
    expect(byAdmin.json).toMatchObject({ name: "Team reply", priority: "high", body: "y" });
    expect((await macros.patch(owner, personal.id, { shared: true })).json.shared).toBe(true);
    expect((await macros.del(owner, shared.id)).status).toBe(204);
    expect((await macros.get(owner, shared.id)).status).toBe(404);
  });

  it("apply posts the rendered reply and changes the ticket in one transaction, with events and usage", async () => {
    const customer = await makeUser({ name: "Dana Whitfield" });
    const agent = await makeUser({ role: "customer_service", name: "Sam Ortega" });
    const t = await newTicket(customer, { subject: "Refund" });
    const m = await created(agent, {
      name: "Refund sent",
      body: "Hi {{customer.first_name}}, your refund for {{ticket.number}} is on its way. {{agent.name}}",
      status: "pending",
      priority: "high",
      assigned_to: "me",
      add_tags: ["refund"],
      shared: true,
    });
    const before = await supportApi.getTicket(agent, t.id);
    const r = await macros.apply(agent, t.id, { macro: m.id }, { "If-Match": before.headers.get("etag")! });
    expect(r.status, r.text).toBe(200);
    expect(r.json.ticket).toMatchObject({ status: "pending", priority: "high", assigned_to: agent.id, tags: ["refund"], unread_by_customer: 1 });
    expect(r.json.message).toMatchObject({ body: `Hi Dana, your refund for ${t.ticket_number} is on its way. Sam Ortega`, direction: "outbound", is_internal: false });
    expect(r.headers.get("etag")).not.toBe(before.headers.get("etag"));
    // The customer sees the rendered text.
    const seen = await supportApi.listMessages(customer, { ticket: t.id });
    expect(seen.json.results.at(-1).body).toBe(r.json.message.body);
    const events = (await supportApi.listEvents(agent, { ticket: t.id })).json.results.map((e: any) => e.type);
    expect(events).toEqual(expect.arrayContaining(["assignment_changed", "status_changed", "priority_changed", "ticket_updated", "message_created"]));
    expect((await macros.get(agent, m.id)).json.usage_count).toBe(1);

    // A stale If-Match changes nothing: no message, no usage, no new version.
    const stale = await macros.apply(agent, t.id, { macro: m.id }, { "If-Match": before.headers.get("etag")! });
    expect(stale.status).toBe(412);
    expect((await supportApi.listMessages(agent, { ticket: t.id })).json.results).toHaveLength(2);
    expect((await macros.get(agent, m.id)).json.usage_count).toBe(1);

    // An internal application posts a note the customer does not see.
    const note = await macros.apply(agent, t.id, { macro: m.id, internal: true });
    expect(note.status).toBe(200);
    expect(note.json.message.is_internal).toBe(true);
    expect((await supportApi.listMessages(customer, { ticket: t.id })).json.results).toHaveLength(2);
    expect((await macros.get(agent, m.id)).json.usage_count).toBe(2);
  });

  it("apply: counters are atomic under concurrency, and policy and scope are enforced", async () => {
    const customer = await makeUser();
    const agent = await makeUser({ role: "customer_service" });
    const other = await makeUser({ role: "customer_service" });
    const m = await created(agent, { name: "Tag it", add_tags: ["seen"], shared: true });
    const tickets = await Promise.all([1, 2, 3, 4].map(() => newTicket(customer)));
    const rs = await Promise.all(tickets.map((t) => macros.apply(other, t.id, { macro: m.id })));
    expect(rs.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    expect(rs[0].json.message).toBeNull();
    const prisma = await db();
    expect((await prisma.macro.findUniqueOrThrow({ where: { id: m.id } })).usageCount).toBe(4);

    const personal = await created(agent, { name: "Mine", body: "x" });
    const hidden = await macros.apply(other, tickets[0].id, { macro: personal.id });
    expect(hidden.status).toBe(400);
    expect(Object.keys(hidden.json)).toEqual(["macro"]);
    // Status changes stay the assignee's: another agent's ticket refuses a status macro.
    const pend = await created(agent, { name: "Pending", status: "pending", shared: true });
    expect((await supportApi.patchTicket(agent, tickets[1].id, { assigned_to: agent.id })).status).toBe(200);
    expect((await macros.apply(other, tickets[1].id, { macro: pend.id })).status).toBe(403);
    // Customers: their own ticket is 403, someone else's 404.
    expect((await macros.apply(customer, tickets[2].id, { macro: m.id })).status).toBe(403);
    const stranger = await makeUser();
    expect((await macros.apply(stranger, tickets[2].id, { macro: m.id })).status).toBe(404);
    expect((await macros.apply(agent, tickets[2].id, { macro: "nope" })).status).toBe(400);
  });
});
