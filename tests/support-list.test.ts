import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { useTestDb } from "./support/db";
import { pathOf } from "./support/http";
import { makeUser, type TestUser } from "./support/cast";
import { supportApi } from "./support/api";
import { newTicket } from "./support/fixtures";

useTestDb();

let agent: TestUser, alice: TestUser, bob: TestUser, a2: TestUser;
const ids: Record<string, string> = {};
const DAY = 86_400_000;

// A fixed data set with known timestamps, so every filter and ordering has an exact answer.
beforeAll(async () => {
  agent = await makeUser({ role: "customer_service", email: `agent-${Date.now()}@desk.test` });
  a2 = await makeUser({ role: "customer_service" });
  alice = await makeUser({ email: `alice-${Date.now()}@shop.test` });
  bob = await makeUser({ email: `bob-${Date.now()}@corp.test` });
  const prisma = await db();
  const base = Date.UTC(2025, 0, 10, 12); // 2025-01-10 12:00Z
  const spec = [
    { k: "t1", who: alice, subject: "Refund for broken kettle", desc: "Arrived cracked", prio: "high", status: "new", ch: "portal", created: 0, last: 5, sla: -1 },
    { k: "t2", who: alice, subject: "Password reset", desc: "Cannot log in", prio: "low", status: "in_progress", ch: "email", created: 1, last: 1, sla: 10, assignee: "agent" },
    { k: "t3", who: bob, subject: "Invoice copy", desc: "Need VAT invoice for kettle order", prio: "urgent", status: "pending", ch: "phone", created: 2, last: 3, sla: null, assignee: "a2" },
    { k: "t4", who: bob, subject: "Delivery late", desc: "Order stuck", prio: "medium", status: "resolved", ch: "chat", created: 3, last: 4, sla: -2, assignee: "agent" },
    { k: "t5", who: alice, subject: "Kettle lid missing", desc: "Box was open", prio: "urgent", status: "assigned", ch: "api", created: 4, last: 2, sla: 2, assignee: "agent" },
    { k: "t6", who: bob, subject: "Change address", desc: "Moving house", prio: "medium", status: "closed", ch: "portal", created: 5, last: 0, sla: null },
  ] as const;
  for (const s of spec) {
    const t = await newTicket(s.who, { subject: s.subject, description: s.desc });
    ids[s.k] = t.id;
    await prisma.ticket.update({
      where: { id: t.id },
      data: {
        priority: s.prio,
        priorityRank: { low: 1, medium: 2, high: 3, urgent: 4 }[s.prio],
        status: s.status,
        channel: s.ch,
        createdAt: new Date(base + s.created * DAY),
        lastMessageAt: new Date(base + s.last * DAY),
        slaDueAt: s.sla === null ? null : new Date(Date.now() + s.sla * DAY),
        assignedToId: "assignee" in s ? (s.assignee === "agent" ? agent.id : a2.id) : null,
      },
    });
  }
});

async function listIds(query: Record<string, string | number>, user: TestUser = agent) {
  const r = await supportApi.listTickets(user, { page_size: 100, ...query });
  expect(r.status, JSON.stringify(r.json)).toBe(200);
  return r.json.results.map((t: any) => Object.keys(ids).find((k) => ids[k] === t.id) ?? t.id);
}

describe("ticket list filters", () => {
  it("filters by status, priority, channel, contact, assignee", async () => {
    expect(await listIds({ status: "pending" })).toEqual(["t3"]);
    expect((await listIds({ priority: "urgent" })).sort()).toEqual(["t3", "t5"]);
    expect(await listIds({ channel: "email" })).toEqual(["t2"]);
    expect((await listIds({ assigned_to: agent.id })).sort()).toEqual(["t2", "t4", "t5"]);
    expect((await listIds({ assigned_to: "me" })).sort()).toEqual(["t2", "t4", "t5"]);
    expect((await listIds({ assigned_to: "none" })).sort()).toEqual(["t1", "t6"]);
    const t1 = (await supportApi.getTicket(agent, ids.t1)).json;
    expect((await listIds({ contact: t1.contact })).sort()).toEqual(["t1", "t2", "t5"]);
  });

  it("filters date ranges inclusively, date-only covering the whole day", async () => {
    expect(await listIds({ created_at_after: "2025-01-13", ordering: "created_at" })).toEqual(["t4", "t5", "t6"]);
    expect(await listIds({ created_at_before: "2025-01-11", ordering: "created_at" })).toEqual(["t1", "t2"]);
    expect(await listIds({ created_at_after: "2025-01-11T12:00:00Z", created_at_before: "2025-01-12T12:00:00Z", ordering: "created_at" })).toEqual(["t2", "t3"]);
    expect(await listIds({ last_message_at_after: "2025-01-14", last_message_at_before: "2025-01-15" })).toEqual(["t1", "t4"]);
    const soon = new Date(Date.now() + 3 * DAY).toISOString();
    expect((await listIds({ sla_due_at_before: soon })).sort()).toEqual(["t1", "t4", "t5"]);
    expect((await listIds({ sla_due_at_after: soon })).sort()).toEqual(["t2"]);
  });

  it("filters SLA overdue (open tickets past their due time) both ways", async () => {
    expect(await listIds({ sla_overdue: "true" })).toEqual(["t1"]);
    expect((await listIds({ sla_overdue: "false" })).sort()).toEqual(["t2", "t3", "t4", "t5", "t6"]);
    const t1 = (await supportApi.getTicket(agent, ids.t1)).json;
    expect(t1.sla_overdue).toBe(true);
  });

  it("searches every term across subject, description, contact and user email", async () => {
    expect((await listIds({ search: "kettle" })).sort()).toEqual(["t1", "t3", "t5"]);
    expect((await listIds({ search: "KETTLE invoice" })).sort()).toEqual(["t3"]);
    expect((await listIds({ search: "shop.test" })).sort()).toEqual(["t1", "t2", "t5"]);
    expect((await listIds({ search: "corp.test moving" })).sort()).toEqual(["t6"]);
    expect(await listIds({ search: "nothing-matches-this" })).toEqual([]);
    expect(await listIds({ search: "100%_" })).toEqual([]);
  });

  it("combines filters with AND and keeps customers to their own tickets", async () => {
    expect(await listIds({ search: "kettle", priority: "urgent", status: "assigned" })).toEqual(["t5"]);
    expect((await listIds({}, alice)).sort()).toEqual(["t1", "t2", "t5"]);
    expect((await listIds({ search: "corp.test" }, alice))).toEqual([]);
  });

  it("rejects malformed filter values with 400 naming the field (a date range by its own name)", async () => {
    const cases: [string, string, string][] = [
      ["status", "open", "status"], ["priority", "p1", "priority"], ["channel", "fax", "channel"],
      ["assigned_to", "bob", "assigned_to"], ["contact", "123", "contact"], ["order", "x", "order"],
      ["created_at_after", "2025-13-01", "created_at"], ["created_at_before", "yesterday", "created_at"],
      ["last_message_at_after", "2025-02-30", "last_message_at"], ["sla_due_at_before", "1/2/2025", "sla_due_at"],
    ];
    for (const [param, value, field] of cases) {
      const r = await supportApi.listTickets(agent, { [param]: value });
      expect(r.status, `${param}=${value}`).toBe(400);
      expect(Object.keys(r.json), param).toEqual([field]);
    }
  });
});

describe("ticket list ordering", () => {
  it("defaults to -last_message_at", async () => {
    expect(await listIds({})).toEqual(["t1", "t4", "t3", "t5", "t2", "t6"]);
  });
  it("orders by created_at, updated_at and priority by severity", async () => {
    expect(await listIds({ ordering: "created_at" })).toEqual(["t1", "t2", "t3", "t4", "t5", "t6"]);
    expect(await listIds({ ordering: "-created_at" })).toEqual(["t6", "t5", "t4", "t3", "t2", "t1"]);
    const byPrio = await listIds({ ordering: "-priority,created_at" });
    expect(byPrio).toEqual(["t3", "t5", "t1", "t4", "t6", "t2"]);
    expect((await listIds({ ordering: "priority,created_at" }))[0]).toBe("t2");
    expect((await listIds({ ordering: "updated_at" })).length).toBe(6);
  });
  it("sorts SLA nulls last in both directions", async () => {
    // t3 and t6 have no SLA: last either way (their mutual order is the id tie-break).
    const asc = await listIds({ ordering: "sla_due_at" });
    expect(asc.slice(0, 4)).toEqual(["t4", "t1", "t5", "t2"]);
    expect(asc.slice(4).sort()).toEqual(["t3", "t6"]);
    const desc = await listIds({ ordering: "-sla_due_at" });
    expect(desc.slice(0, 4)).toEqual(["t2", "t5", "t1", "t4"]);
    expect(desc.slice(4).sort()).toEqual(["t3", "t6"]);
  });
  it("ignores unknown ordering fields like DRF", async () => {
    expect(await listIds({ ordering: "subject,-password" })).toEqual(await listIds({}));
    expect(await listIds({ ordering: "bogus,created_at" })).toEqual(["t1", "t2", "t3", "t4", "t5", "t6"]);
  });
});

describe("cursor pagination", () => {
  async function walk(query: Record<string, string | number>) {
    const seen: string[] = [];
    let r = await supportApi.listTickets(agent, { ...query, page_size: 2 });
    expect(r.json.previous).toBeNull();
    for (let guard = 0; guard < 20; guard++) {
      seen.push(...r.json.results.map((t: any) => t.id));
      if (!r.json.next) break;
      expect(r.json.next).toMatch(/^http:\/\/localhost:3000\/api\/v1\/support\/tickets\/\?.*cursor=/);
      r = await supportApi.listTicketsPath(agent, pathOf(r.json.next));
    }
    return { seen, last: r };
  }

  for (const ordering of ["-last_message_at", "created_at", "-priority", "priority", "priority,-created_at", "sla_due_at", "-sla_due_at", "updated_at,-priority"]) {
    it(`walks every ticket exactly once, in order, for ordering=${ordering}`, async () => {
      const full = (await supportApi.listTickets(agent, { ordering, page_size: 100 })).json.results.map((t: any) => t.id);
      const { seen, last } = await walk({ ordering });
      expect(seen).toEqual(full);
      // ...and walks back with previous.
      const back: string[] = [];
      let r = last;
      back.unshift(...r.json.results.map((t: any) => t.id));
      while (r.json.previous) {
        r = await supportApi.listTicketsPath(agent, pathOf(r.json.previous));
        back.unshift(...r.json.results.map((t: any) => t.id));
      }
      expect(back).toEqual(full);
    });
  }

  it("is stable under concurrent inserts", async () => {
    const before = (await supportApi.listTickets(agent, { page_size: 100 })).json.results.map((t: any) => t.id);
    const p1 = await supportApi.listTickets(agent, { page_size: 3 });
    await newTicket(alice, { subject: "Arrives mid-walk" }); // newest: sorts first, before the cursor
    const p2 = await supportApi.listTicketsPath(agent, pathOf(p1.json.next));
    const walked = [...p1.json.results, ...p2.json.results].map((t: any) => t.id);
    expect(walked).toEqual(before.slice(0, 6));
  });

  it("uses 25 by default, caps page_size at 100 and ignores invalid sizes", async () => {
    const prisma = await db();
    const rows = Array.from({ length: 120 }, (_, i) => ({ number: `T-20000101-${String(i).padStart(4, "0")}`, subject: `bulk ${i}`, userId: bob.id }));
    await prisma.ticket.createMany({ data: rows });
    expect((await supportApi.listTickets(agent)).json.results).toHaveLength(25);
    expect((await supportApi.listTickets(agent, { page_size: 500 })).json.results).toHaveLength(100);
    expect((await supportApi.listTickets(agent, { page_size: "abc" })).json.results).toHaveLength(25);
    expect((await supportApi.listTickets(agent, { page_size: 7 })).json.results).toHaveLength(7);
    await prisma.ticket.deleteMany({ where: { subject: { startsWith: "bulk " } } });
  });

  it("answers tampered cursors and cursors from another ordering with DRF's 404 Invalid cursor", async () => {
    const p1 = await supportApi.listTickets(agent, { page_size: 2 });
    const url = new URL(p1.json.next);
    const cursor = url.searchParams.get("cursor")!;
    const [payload, sig] = cursor.split(".");
    const forged = Buffer.from(JSON.stringify({ d: "n", v: ["2030-01-01T00:00:00.000Z", "x"], s: "support.tickets:-lastMessageAt,-id" })).toString("base64url");
    for (const bad of [`${forged}.${sig}`, `${payload}.AAAA${sig.slice(4)}`, "garbage", `${payload}`]) {
      const r = await supportApi.listTickets(agent, { cursor: bad });
      expect(r.status, bad).toBe(404);
      expect(r.json).toEqual({ detail: "Invalid cursor" });
    }
    expect((await supportApi.listTickets(agent, { cursor, ordering: "created_at" })).status).toBe(404);
  });
});
