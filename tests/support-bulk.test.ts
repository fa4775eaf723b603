import { describe, expect, it } from "vitest";
import * as bulkRoute from "@/app/api/v1/support/tickets/bulk/route";
import * as macrosRoute from "@/app/api/v1/support/macros/route";
import { useTestDb } from "./support/db";
import { makeUser } from "./support/cast";
import { call, handler as h } from "./support/http";
import { supportApi } from "./support/api";
import { newTicket } from "./support/fixtures";

useTestDb();

type U = { token: string };
const bulk = (u: U, body: unknown) => call(h(bulkRoute.POST), "POST", "/api/v1/support/tickets/bulk/", { user: u, body });
const version = (etag: string) => Number(/-v(\d+)"$/.exec(etag)![1]);

describe("bulk ticket changes", () => {
  it("assign and tag several tickets; a stale one is reported as 412 and the others applied", async () => {
    const customer = await makeUser();
    const agent = await makeUser({ role: "customer_service" });
    const ts = await Promise.all([1, 2, 3].map(() => newTicket(customer)));
    const seen = await Promise.all(ts.map((t) => supportApi.getTicket(agent, t.id)));
    const versions = Object.fromEntries(ts.map((t, i) => [t.id, version(seen[i].headers.get("etag")!)]));
    // Someone else edits the second ticket after the agent loaded the queue.
    expect((await supportApi.patchTicket(agent, ts[1].id, { priority: "urgent" })).status).toBe(200);
    const r = await bulk(agent, { ids: ts.map((t) => t.id), changes: { assigned_to: agent.id, add_tags: ["Batch"] }, versions });
    expect(r.status, r.text).toBe(200);
    expect(r.json.results.map((x: any) => [x.id, x.status, x.code])).toEqual([
      [ts[0].id, "ok", 200],
      [ts[1].id, "error", 412],
      [ts[2].id, "ok", 200],
    ]);
    expect(r.json.results[0].ticket).toMatchObject({ assigned_to: agent.id, status: "assigned", tags: ["batch"] });
    expect(r.json.results[1].detail).toMatch(/changed by someone else/);
    const after = await Promise.all(ts.map((t) => supportApi.getTicket(agent, t.id)));
    expect(after.map((a) => a.json.assigned_to)).toEqual([agent.id, null, agent.id]);
    // Without versions the same change applies to all three; remove_tags takes the tag off.
    const again = await bulk(agent, { ids: ts.map((t) => t.id), changes: { remove_tags: ["batch"], priority: "low" } });
    expect(again.json.results.map((x: any) => x.status)).toEqual(["ok", "ok", "ok"]);
    expect(again.json.results.map((x: any) => [x.ticket.tags, x.ticket.priority])).toEqual([[[], "low"], [[], "low"], [[], "low"]]);
  });

  it("checks the policy per ticket and reports 403/404/400 per id", async () => {
    const customer = await makeUser();
    const agent = await makeUser({ role: "customer_service" });
    const other = await makeUser({ role: "customer_service" });
    const mine = await newTicket(customer);
    const theirs = await newTicket(customer);
    expect((await supportApi.patchTicket(agent, mine.id, { assigned_to: agent.id })).status).toBe(200);
    expect((await supportApi.patchTicket(other, theirs.id, { assigned_to: other.id })).status).toBe(200);
    const missing = "00000000-0000-4000-8000-000000000abc";
    const r = await bulk(agent, { ids: [mine.id, theirs.id, missing], changes: { status: "pending" } });
    expect(r.status).toBe(200);
    expect(r.json.results.map((x: any) => [x.status, x.code])).toEqual([["ok", 200], ["error", 403], ["error", 404]]);
    const badAssignee = await bulk(agent, { ids: [mine.id], changes: { assigned_to: customer.id } });
    expect(badAssignee.json.results[0]).toMatchObject({ status: "error", code: 400, errors: { assigned_to: [expect.any(String)] } });
  });

  it("applies a macro to each ticket, and validates the request DRF-style", async () => {
    const customer = await makeUser({ name: "Ada Lovelace" });
    const agent = await makeUser({ role: "customer_service", name: "Sam" });
    const ts = await Promise.all([1, 2].map(() => newTicket(customer)));
    const m = await call(h(macrosRoute.POST), "POST", "/api/v1/support/macros/", { user: agent, body: { name: "Ack", body: "Hi {{customer.first_name}}, re {{ticket.number}}", assigned_to: "me", add_tags: ["acked"] } });
    expect(m.status).toBe(201);
    const r = await bulk(agent, { ids: ts.map((t) => t.id), changes: { macro: m.json.id, priority: "high" } });
    expect(r.json.results.map((x: any) => [x.status, x.ticket.assigned_to, x.ticket.tags, x.ticket.priority])).toEqual([
      ["ok", agent.id, ["acked"], "high"],
      ["ok", agent.id, ["acked"], "high"],
    ]);
    for (const t of ts) {
      const msgs = (await supportApi.listMessages(customer, { ticket: t.id })).json.results;
      expect(msgs.at(-1).body).toBe(`Hi Ada, re ${t.ticket_number}`);
    }

    expect((await bulk(customer, { ids: [ts[0].id], changes: { priority: "low" } })).status).toBe(403);
    const tooMany = await bulk(agent, { ids: Array.from({ length: 101 }, () => ts[0].id), changes: { priority: "low" } });
    expect(tooMany.status).toBe(400);
    expect(Object.keys(tooMany.json)).toEqual(["ids"]);
    const none = await bulk(agent, { ids: [], changes: {} });
    expect(Object.keys(none.json).sort()).toEqual(["changes", "ids"]);
    const badMacro = await bulk(agent, { ids: [ts[0].id], changes: { macro: "00000000-0000-4000-8000-000000000abc" } });
    expect(badMacro.status).toBe(400);
    expect(Object.keys(badMacro.json)).toEqual(["macro"]);
  });
});
