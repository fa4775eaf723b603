import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { useTestDb } from "./support/db";
import { makeUser, type TestUser } from "./support/cast";
import { supportApi } from "./support/api";
import { newTicket } from "./support/fixtures";
import { useQueryCounter } from "./support/query-count";

useTestDb();
const measure = useQueryCounter();

/**
 * The support ticket list reads its user inside the page's statement (listTicketsFor): built for
 * the actor this process last saw, guarded so that it returns nothing unless the user's row still
 * says the same. One round trip instead of two, and every change to the user, made anywhere
 * (here straight in the database, as another instance would), applies to the very next request.
 */
let agent: TestUser, customer: TestUser, other: TestUser;
const mine: string[] = [];

beforeAll(async () => {
  agent = await makeUser({ role: "customer_service" });
  customer = await makeUser({ name: "Guarded Customer" });
  other = await makeUser({ name: "Someone Else" });
  for (let i = 0; i < 6; i++) mine.push((await newTicket(customer, { subject: `mine ${i}` })).id);
  for (let i = 0; i < 4; i++) await newTicket(other, { subject: `theirs ${i}` });
});

const ok = async (user: TestUser, query: Record<string, string | number> = {}) => {
  const r = await measure(() => supportApi.listTickets(user, query));
  expect(r.result.status, JSON.stringify(r.result.json)).toBe(200);
  return { trips: r.count, ids: (r.result.json.results as { id: string }[]).map((t) => t.id), json: r.result.json, statements: r.statements };
};

async function update(user: TestUser, data: Record<string, unknown>) {
  await (await db()).user.update({ where: { id: user.id }, data });
}

describe("support ticket list round trips", () => {
  it("answers a known user's page in one statement, whatever the page size; a search adds one", async () => {
    await ok(agent); // the first request reads the user on its own
    const small = await ok(agent, { page_size: 2 });
    const large = await ok(agent, { page_size: 100 });
    expect(small.ids).toHaveLength(2);
    expect(large.ids.length).toBeGreaterThanOrEqual(10);
    expect(small.trips, small.statements.join("\n")).toBe(1);
    expect(large.trips).toBe(1);
    const next = await ok(agent, { page_size: 2, cursor: new URL(small.json.next).searchParams.get("cursor")! });
    expect(next.trips).toBe(1);
    // The search terms' related rows (requester emails) are looked up first.
    const search = await ok(agent, { search: "mine", page_size: 100 });
    expect(search.ids.sort()).toEqual([...mine].sort());
    expect(search.trips).toBe(2);
  });

  it("reads the user again when a page comes back empty, and answers the empty page", async () => {
    await ok(agent);
    const empty = await ok(agent, { search: "no-ticket-says-this" });
    expect(empty.ids).toEqual([]);
    expect(empty.json.next).toBeNull();
    expect(empty.trips).toBe(3);
  });

  it("refuses a deactivated user on the very next request, and again after", async () => {
    const user = await makeUser({ role: "customer_service" });
    await ok(user);
    await ok(user);
    await update(user, { isActive: false });
    const queries: Record<string, string | number>[] = [{}, { page_size: 100 }, { search: "mine" }];
    for (const query of queries) {
      const r = await supportApi.listTickets(user, query);
      expect(r.status, JSON.stringify(r.json)).toBe(401);
      expect(r.json.detail).toBe("Given token not valid for any token type");
    }
    // A bad query or a bad cursor is not looked at: the user is refused first.
    expect((await supportApi.listTickets(user, { status: "nonsense" })).status).toBe(401);
    expect((await supportApi.listTickets(user, { cursor: "forged" })).status).toBe(401);
    await update(user, { isActive: true });
    expect((await supportApi.listTickets(user, { status: "nonsense" })).status).toBe(400);
    await ok(user);
  });

  it("applies a role change on the very next request: an agent made customer sees only their own tickets", async () => {
    const user = await makeUser({ role: "customer_service" });
    const before = await ok(user, { page_size: 100 });
    expect(before.ids.length).toBeGreaterThanOrEqual(10);
    await update(user, { role: "customer" });
    const after = await ok(user, { page_size: 100 });
    expect(after.ids).toEqual([]);
    // And back: the wider scope returns as promptly.
    await update(user, { role: "customer_service" });
    expect((await ok(user, { page_size: 100 })).ids.length).toBe(before.ids.length);
  });

  it("applies ended sessions (a password reset) and changed permissions on the very next request", async () => {
    const user = await makeUser({ role: "customer_service" });
    await ok(user);
    await update(user, { sessionsValidAfter: new Date(Date.now() + 1000) });
    expect((await supportApi.listTickets(user)).status).toBe(401);

    const staff = await makeUser({ role: "customer_service" });
    await ok(staff);
    const first = await ok(staff, { page_size: 1 });
    await update(staff, { permissions: ["tickets.export"] });
    // Still an agent, so the same page: but read for the actor as it now is, not as cached.
    const again = await ok(staff, { page_size: 1 });
    expect(again.ids).toEqual(first.ids);
    expect(again.trips).toBe(3);
    expect((await ok(staff, { page_size: 1 })).trips).toBe(1);
  });

  it("reads the user first when the filter names a row, so a refused user learns nothing of it", async () => {
    const user = await makeUser({ role: "customer_service" });
    await ok(user);
    // An unknown contact is a 400 for an active user.
    expect((await supportApi.listTickets(user, { contact: "00000000-0000-4000-8000-000000000000" })).status).toBe(400);
    await update(user, { isActive: false });
    const refused = await supportApi.listTickets(user, { contact: "00000000-0000-4000-8000-000000000000" });
    expect(refused.status).toBe(401);
  });
});
