import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { useTestDb } from "./support/db";
import { makeUser } from "./support/cast";
import { supportApi } from "./support/api";
import { newTicket } from "./support/fixtures";
import { withEnv } from "./support/env-override";
import { useQueryCounter } from "./support/query-count";

useTestDb();
const measure = useQueryCounter();

const events = async (u: { token: string }, ticket: string) =>
  ((await supportApi.listEvents(u, { ticket })).json.results as { type: string; data: any }[]).map((e) => [e.type, e.data.to ?? null]).reverse();

describe("send and set status", () => {
  it("an agent's first reply takes an unassigned ticket and sets the status sent with it, in one transaction", async () => {
    const customer = await makeUser();
    const agent = await makeUser({ role: "customer_service" });
    const t = await newTicket(customer);
    const r = await supportApi.postMessage(agent, { ticket: t.id, body: "Refund sent.", status: "pending" });
    expect(r.status, r.text).toBe(201);
    const after = (await supportApi.getTicket(agent, t.id)).json;
    expect(after).toMatchObject({ assigned_to: agent.id, status: "pending", unread_by_customer: 1 });
    expect(after.first_response_at).toBeTruthy();
    expect(after.updated_at).not.toBe(t.updated_at);
    // Timeline, oldest first: the message, then what it changed.
    expect((await events(agent, t.id)).slice(-3)).toEqual([["message_created", null], ["assignment_changed", agent.id], ["status_changed", "pending"]]);
    // The stream hears of the message and of the ticket change, version included.
    const prisma = await db();
    const rt = await prisma.realtimeEvent.findMany({ where: { ticketId: t.id }, orderBy: { seq: "asc" } });
    expect(rt.slice(-2).map((e) => [e.type, (e.data as any).fields ?? null])).toEqual([["message.created", null], ["ticket.updated", ["assigned_to", "status"]]]);
    const etag = (await supportApi.getTicket(agent, t.id)).headers.get("etag")!;
    expect(etag).toContain(`-v${(rt.at(-1)!.data as any).version}"`);

    const resolved = await supportApi.postMessage(agent, { ticket: t.id, body: "Done.", status: "resolved" });
    expect(resolved.status).toBe(201);
    const done = (await supportApi.getTicket(agent, t.id)).json;
    expect(done.status).toBe("resolved");
    expect(done.resolved_at).toBeTruthy();
  });

  it("only the first response takes the ticket; internal notes and assigned tickets are left alone", async () => {
    const customer = await makeUser();
    const a = await makeUser({ role: "customer_service" });
    const b = await makeUser({ role: "customer_service" });
    const t = await newTicket(customer);
    expect((await supportApi.postMessage(a, { ticket: t.id, body: "note", is_internal: true })).status).toBe(201);
    expect((await supportApi.getTicket(a, t.id)).json.assigned_to).toBeNull();
    expect((await supportApi.postMessage(a, { ticket: t.id, body: "Hello" })).status).toBe(201);
    expect((await supportApi.getTicket(a, t.id)).json.assigned_to).toBe(a.id);
    // Another agent's reply on a ticket someone owns does not move it.
    expect((await supportApi.postMessage(b, { ticket: t.id, body: "Me too" })).status).toBe(201);
    expect((await supportApi.getTicket(a, t.id)).json.assigned_to).toBe(a.id);
    // Unassigned again after the first response: a later reply does not take it.
    const admin = await makeUser({ role: "admin", isStaff: true });
    expect((await supportApi.patchTicket(admin, t.id, { assigned_to: null })).status).toBe(200);
    expect((await supportApi.postMessage(b, { ticket: t.id, body: "Still here" })).status).toBe(201);
    expect((await supportApi.getTicket(a, t.id)).json.assigned_to).toBeNull();
  });

  it("AUTO_ASSIGN_ON_REPLY=0 turns it off; status stays the assignee's or an admin's; customers cannot send one", async () => {
    const customer = await makeUser();
    const agent = await makeUser({ role: "customer_service" });
    const other = await makeUser({ role: "customer_service" });
    const t = await newTicket(customer);
    await withEnv({ AUTO_ASSIGN_ON_REPLY: "0" }, async () => {
      expect((await supportApi.postMessage(agent, { ticket: t.id, body: "Hi" })).status).toBe(201);
      // Not the assignee (nobody is): setting a status is refused, and nothing is posted.
      const refused = await supportApi.postMessage(agent, { ticket: t.id, body: "Bye", status: "resolved" });
      expect(refused.status).toBe(403);
    });
    const t2 = await supportApi.getTicket(agent, t.id);
    expect(t2.json).toMatchObject({ assigned_to: null, status: "new" });
    expect((await supportApi.listMessages(agent, { ticket: t.id })).json.results.map((m: any) => m.body)).not.toContain("Bye");

    expect((await supportApi.patchTicket(agent, t.id, { assigned_to: agent.id })).status).toBe(200);
    expect((await supportApi.postMessage(other, { ticket: t.id, body: "x", status: "pending" })).status).toBe(403);
    const bad = await supportApi.postMessage(agent, { ticket: t.id, body: "x", status: "later" });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.json)).toEqual(["status"]);
    const cust = await supportApi.postMessage(customer, { ticket: t.id, body: "x", status: "closed" });
    expect(cust.status).toBe(400);
    expect(Object.keys(cust.json)).toEqual(["status"]);
  });

  it("stays within the message post's round-trip budget when it takes the ticket", async () => {
    const customer = await makeUser();
    const agent = await makeUser({ role: "customer_service" });
    const t = await newTicket(customer);
    const r = await measure(() => supportApi.postMessage(agent, { ticket: t.id, body: "On it." }));
    expect(r.result.status).toBe(201);
    // + 1: the transaction's BEGIN, which the query log does not show (as in message-post-round-trips).
    expect(r.count + 1, r.statements.join("\n")).toBeLessThanOrEqual(8);
    expect((await supportApi.getTicket(agent, t.id)).json.assigned_to).toBe(agent.id);
  });
});
