import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import type { BusinessCalendar } from "@/lib/domain/sla/business-time";
import type { PolicyTargets } from "@/lib/domain/sla/clocks";
import { useTestDb } from "./support/db";
import { makeUser } from "./support/cast";
import { supportApi } from "./support/api";
import { newTicket, postMessage } from "./support/fixtures";

useTestDb();

const h = [{ start: "09:00", end: "17:00" }];
const NY: BusinessCalendar = { timeZone: "America/New_York", week: { mon: h, tue: h, wed: h, thu: h, fri: h }, holidays: [] };
const t = (fr: number | null, next: number | null, res: number | null) => ({ firstResponse: fr, nextResponse: next, resolution: res });
const TARGETS: PolicyTargets = { low: t(480, 480, 2400), medium: t(240, 120, 960), high: t(60, 60, 480), urgent: t(30, 30, 240) };

async function businessHoursPolicy(conditions: Record<string, unknown> = {}) {
  const prisma = await db();
  return prisma.slaPolicy.create({
    data: { name: `Business hours ${Math.random()}`, position: 1, conditions: conditions as object, targets: TARGETS as object, calendar: { create: { timeZone: NY.timeZone, week: NY.week as object, holidays: [] } } },
  });
}

/** Moves "now" (Date only: the database and timers run as usual). */
function at(iso: string) {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date(iso));
}
afterEach(() => {
  vi.useRealTimers();
});
// The tests move "now" by days: tokens must outlive that.
const ttl = process.env.ACCESS_TOKEN_TTL_SECONDS;
beforeAll(() => {
  process.env.ACCESS_TOKEN_TTL_SECONDS = String(30 * 24 * 3600);
});
afterAll(() => {
  if (ttl === undefined) delete process.env.ACCESS_TOKEN_TTL_SECONDS;
  else process.env.ACCESS_TOKEN_TTL_SECONDS = ttl;
});
beforeEach(async () => {
  const prisma = await db();
  await prisma.slaPolicy.deleteMany({});
  await prisma.slaCalendar.deleteMany({});
});

const Z = (s: string) => new Date(s).toISOString();

describe("SLA clocks on real tickets", () => {
  it("without a stored policy the built-in default applies: created + 24 h for medium, resolution only", async () => {
    at("2026-12-01T10:00:00Z");
    const customer = await makeUser();
    const ticket = await newTicket(customer);
    expect(ticket.sla_due_at).toBe("2026-12-02T10:00:00.000Z");
    expect(ticket.resolution_due_at).toBe("2026-12-02T10:00:00.000Z");
    expect(ticket.first_response_due_at).toBeNull();
    expect(ticket.sla_policy).toBeNull();
    expect(ticket.sla_paused).toBe(false);
  });

  it("acceptance: created Friday 17:30 under Mon-Fri 9-17 with a 4 h first response is due Monday 13:00 local, and the list agrees", async () => {
    const policy = await businessHoursPolicy();
    at("2026-12-04T17:30:00-05:00");
    const customer = await makeUser();
    const agent = await makeUser({ role: "customer_service" });
    const ticket = await newTicket(customer);
    expect(ticket.sla_policy).toBe(policy.id);
    expect(ticket.first_response_due_at).toBe(Z("2026-12-07T13:00:00-05:00"));
    expect(ticket.resolution_due_at).toBe(Z("2026-12-08T17:00:00-05:00"));
    expect(ticket.sla_due_at).toBe(ticket.first_response_due_at);
    const list = await supportApi.listTickets(agent, { ordering: "sla_due_at" });
    expect(list.status).toBe(200);
    const row = (list.json.results as Record<string, unknown>[]).find((r) => r.id === ticket.id)!;
    expect(row.sla_due_at).toBe(Z("2026-12-07T13:00:00-05:00"));
    expect(row.sla_paused).toBe(false);
  });

  it("an agent reply meets the first response; the customer's next message starts the next-response clock", async () => {
    await businessHoursPolicy();
    at("2026-12-01T10:00:00-05:00");
    const customer = await makeUser();
    const agent = await makeUser({ role: "customer_service" });
    const ticket = await newTicket(customer);
    at("2026-12-01T11:00:00-05:00");
    expect((await postMessage(agent, ticket.id, "Looking into it")).status).toBe(201);
    let cur = (await supportApi.getTicket(agent, ticket.id)).json;
    expect(cur.first_response_due_at).toBeNull();
    expect(cur.sla_due_at).toBe(cur.resolution_due_at);
    at("2026-12-01T16:00:00-05:00");
    expect((await postMessage(customer, ticket.id, "Any news?")).status).toBe(201);
    cur = (await supportApi.getTicket(agent, ticket.id)).json;
    expect(cur.next_response_due_at).toBe(Z("2026-12-02T10:00:00-05:00"));
    expect(cur.sla_due_at).toBe(Z("2026-12-02T10:00:00-05:00"));
    // An internal note answers nobody.
    expect((await postMessage(agent, ticket.id, "ask the courier", true)).status).toBe(201);
    expect((await supportApi.getTicket(agent, ticket.id)).json.next_response_due_at).toBe(Z("2026-12-02T10:00:00-05:00"));
  });

  it("pending pauses (no due time, shown paused) and the customer's reply resumes with the time that was left", async () => {
    await businessHoursPolicy();
    at("2026-12-03T09:00:00-05:00"); // Thursday: resolution due Friday 17:00
    const customer = await makeUser();
    const agent = await makeUser({ role: "customer_service" });
    const ticket = await newTicket(customer);
    await supportApi.patchTicket(agent, ticket.id, { assigned_to: agent.id });
    at("2026-12-03T10:00:00-05:00");
    expect((await postMessage(agent, ticket.id, "Can you send a photo?")).status).toBe(201);
    at("2026-12-03T13:00:00-05:00");
    const paused = await supportApi.patchTicket(agent, ticket.id, { status: "pending" });
    expect(paused.status, paused.text).toBe(200);
    expect(paused.json.sla_paused).toBe(true);
    expect(paused.json.sla_due_at).toBeNull();
    expect(paused.json.sla_overdue).toBe(false);
    at("2026-12-07T09:00:00-05:00"); // Monday: 12 business hours were left
    expect((await postMessage(customer, ticket.id, "Here it is")).status).toBe(201);
    const resumed = (await supportApi.getTicket(agent, ticket.id)).json;
    expect(resumed.sla_paused).toBe(false);
    expect(resumed.resolution_due_at).toBe(Z("2026-12-08T13:00:00-05:00"));
    expect(resumed.next_response_due_at).toBe(Z("2026-12-07T11:00:00-05:00"));
    expect(resumed.sla_due_at).toBe(Z("2026-12-07T11:00:00-05:00"));
  });

  it("resolving stops the clocks; a reopening reply restarts resolution with the elapsed time kept", async () => {
    await businessHoursPolicy();
    at("2026-12-01T10:00:00-05:00");
    const customer = await makeUser();
    const admin = await makeUser({ role: "admin", isStaff: true });
    const ticket = await newTicket(customer);
    await postMessage(admin, ticket.id, "Fixed");
    at("2026-12-01T16:00:00-05:00"); // 6 of 16 business hours used
    const resolved = await supportApi.patchTicket(admin, ticket.id, { status: "resolved" });
    expect(resolved.json.sla_due_at).toBeNull();
    expect(resolved.json.resolution_due_at).toBeNull();
    at("2026-12-07T09:00:00-05:00");
    expect((await postMessage(customer, ticket.id, "It broke again")).status).toBe(201);
    const reopened = (await supportApi.getTicket(admin, ticket.id)).json;
    expect(reopened.status).not.toBe("resolved");
    expect(reopened.resolution_due_at).toBe(Z("2026-12-08T11:00:00-05:00")); // 10 h left
    expect(reopened.next_response_due_at).toBe(Z("2026-12-07T11:00:00-05:00"));
  });

  it("a priority change keeps the business time used and applies the new targets; an explicit sla_due_at still wins", async () => {
    await businessHoursPolicy();
    at("2026-12-01T09:00:00-05:00");
    const customer = await makeUser();
    const admin = await makeUser({ role: "admin", isStaff: true });
    const ticket = await newTicket(customer);
    at("2026-12-01T09:15:00-05:00");
    const r = await supportApi.patchTicket(admin, ticket.id, { priority: "urgent" });
    expect(r.status, r.text).toBe(200);
    expect(r.json.first_response_due_at).toBe(Z("2026-12-01T09:30:00-05:00"));
    expect(r.json.resolution_due_at).toBe(Z("2026-12-01T13:00:00-05:00"));
    expect(r.json.sla_due_at).toBe(Z("2026-12-01T09:30:00-05:00"));
    const manual = await supportApi.patchTicket(admin, ticket.id, { priority: "low", sla_due_at: "2026-12-24T00:00:00Z" });
    expect(manual.json.sla_due_at).toBe("2026-12-24T00:00:00.000Z");
  });

  it("the first matching policy applies (category condition), other tickets fall back to the default", async () => {
    const policy = await businessHoursPolicy({ category: ["billing"] });
    at("2026-12-01T10:00:00-05:00");
    const customer = await makeUser();
    const agent = await makeUser({ role: "customer_service" });
    const plain = await newTicket(customer);
    expect(plain.sla_policy).toBeNull();
    const moved = await supportApi.patchTicket(agent, plain.id, { category: "billing" });
    expect(moved.status, moved.text).toBe(200);
    expect(moved.json.sla_policy).toBe(policy.id);
    // Not answered yet: the new policy's first-response clock counts from creation.
    expect(moved.json.first_response_due_at).toBe(Z("2026-12-01T14:00:00-05:00"));
    expect(moved.json.resolution_due_at).toBe(Z("2026-12-03T10:00:00-05:00"));
  });
});
