import { beforeAll, describe, expect, it } from "vitest";
import * as countRoute from "@/app/api/v1/support/tickets/count/route";
import { db } from "@/lib/db/client";
import { TICKET_COUNT_CAP } from "@/lib/domain/tickets/count-tickets";
import { useTestDb } from "./support/db";
import { call, handler as h } from "./support/http";
import { makeUser, type TestUser } from "./support/cast";
import { supportApi } from "./support/api";
import { newTicket } from "./support/fixtures";
import { useQueryCounter } from "./support/query-count";

useTestDb();
const measure = useQueryCounter();

/**
 * GET /api/v1/support/tickets/count/: the total of a queue view, with the list's own filters and
 * visibility, exact up to 1,000 and then capped, computed by a bounded query.
 */
let agent: TestUser, alice: TestUser, bob: TestUser;

const count = (user: TestUser | null, query: Record<string, string | number> = {}) =>
  call(h(countRoute.GET), "GET", "/api/v1/support/tickets/count/", { user, query });

async function listLength(user: TestUser, query: Record<string, string | number>): Promise<number> {
  const r = await supportApi.listTickets(user, { ...query, page_size: 100 });
  expect(r.status, JSON.stringify(r.json)).toBe(200);
  expect(r.json.next, "the whole list fits one page").toBeNull();
  return r.json.results.length;
}

beforeAll(async () => {
  agent = await makeUser({ role: "customer_service" });
  alice = await makeUser({ email: `alice-${Date.now()}@shop.test` });
  bob = await makeUser({ email: `bob-${Date.now()}@corp.test` });
  await newTicket(alice, { subject: "Kettle arrived cracked" });
  await newTicket(alice, { subject: "Password reset loop" });
  const urgent = await newTicket(bob, { subject: "Kettle lid missing" });
  await supportApi.patchTicket(agent, urgent.id, { priority: "urgent", assigned_to: agent.id });
});

describe("ticket view count", () => {
  it("matches the list for the same filters, for agents and within a customer's scope", async () => {
    for (const query of [{}, { search: "kettle" }, { priority: "urgent" }, { assigned_to: "me" }, { status: "closed" }, { search: "kettle", ordering: "-created_at", page_size: 1 }] as Record<string, string | number>[]) {
      const r = await count(agent, query);
      expect(r.status, JSON.stringify(r.json)).toBe(200);
      expect(r.json, JSON.stringify(query)).toEqual({ count: await listLength(agent, query), capped: false });
    }
    // A customer counts only their own tickets, like their list.
    expect((await count(alice)).json).toEqual({ count: 2, capped: false });
    expect((await count(alice, { search: "kettle" })).json).toEqual({ count: 1, capped: false });
    expect((await count(bob)).json).toEqual({ count: await listLength(bob, {}), capped: false });
  });

  it("refuses bad filters with the list's DRF errors and needs a user", async () => {
    const bad = await count(agent, { status: "bogus", assigned_to: "nobody" });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.json).sort()).toEqual(["assigned_to", "status"]);
    expect((await count(null)).status).toBe(401);
  });

  it("is exact up to 1,000 and says capped past it, with one bounded query", async () => {
    const prisma = await db();
    const before = (await count(agent)).json.count as number;
    const need = TICKET_COUNT_CAP + 5 - before;
    await prisma.ticket.createMany({
      data: Array.from({ length: need }, (_, i) => ({ number: `BULK-${i}`, subject: `Bulk ticket ${i}`, userId: bob.id })),
    });
    const { result, statements } = await measure(() => count(agent));
    expect(result.json).toEqual({ count: TICKET_COUNT_CAP, capped: true });
    // Not an exact COUNT(*) over the whole table: the counted sub-select stops at cap + 1 rows.
    const counting = statements.filter((s) => /count\s*\(/i.test(s));
    expect(counting).toHaveLength(1);
    expect(counting[0]).toMatch(/LIMIT/i);
    // Narrow views stay exact.
    expect((await count(agent, { search: "kettle" })).json).toEqual({ count: 2, capped: false });
    expect((await count(alice)).json).toEqual({ count: 2, capped: false });
  });
});
