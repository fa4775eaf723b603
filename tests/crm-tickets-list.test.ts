import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { useTestDb } from "./support/db";
import { call, pathOf } from "./support/http";
import { makeCast, makeUser, type TestUser } from "./support/cast";
import { crm, crmApi } from "./support/api";
import { makeCompany } from "./support/fixtures";

useTestDb();

let admin: TestUser, cust: TestUser, other: TestUser;
beforeAll(async () => {
  ({ admin, customer: cust, otherCustomer: other } = await makeCast());
});

describe("GET /api/v1/tickets/ filters, search, ordering, pagination", () => {
  let tech: TestUser;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    const prisma = await db();
    await prisma.ticket.deleteMany({});
    tech = await makeUser({ role: "customer_service", name: "Tech Person" });
    const hilton = await makeCompany("Hilton Pattaya");
    const marriott = await makeCompany("Marriott Phuket");
    const mk = async (key: string, body: Record<string, unknown>, user: TestUser = admin) => {
      const r = await crmApi.create(user, body);
      expect(r.status, JSON.stringify(r.json)).toBe(201);
      ids[key] = r.json.id;
    };
    await mk("a", { subject: "Zone offline", category: "technical", priority: "urgent", company: hilton.id, due_date: "2020-01-01T00:00:00Z" });
    await mk("b", { subject: "Invoice wrong", description: "double charged", category: "billing", priority: "low", company: marriott.id, assigned_to: tech.id, due_date: "2031-01-01T00:00:00Z" });
    await mk("c", { subject: "Music stops", category: "technical", priority: "medium", assigned_to: admin.id, status: "resolved", due_date: null });
    await mk("d", { subject: "Customer question", description: "zone schedule?" }, cust);
  });

  const list = async (user: TestUser, query: Record<string, string> = {}) => {
    const r = await crmApi.list(user, query);
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    return (r.json.results as { id: string }[]).map((t) => Object.keys(ids).find((k) => ids[k] === t.id));
  };

  it("filters by every documented field", async () => {
    expect(await list(admin)).toEqual(["d", "c", "b", "a"]);
    expect(await list(admin, { status: "resolved" })).toEqual(["c"]);
    expect(await list(admin, { priority: "urgent" })).toEqual(["a"]);
    expect(await list(admin, { category: "technical" })).toEqual(["c", "a"]);
    const b = (await crmApi.get(admin, ids.b)).json;
    expect(await list(admin, { company: b.company })).toEqual(["b"]);
    expect(await list(admin, { assigned_to: tech.id })).toEqual(["b"]);
    expect(await list(admin, { assigned_team: "Tech" })).toEqual(["a"]);
    // c was created assigned to a teamless admin: the team of the admin role.
    expect(await list(admin, { assigned_team: "admin" })).toEqual(["c"]);
    expect(await list(admin, { assigned_team: "support" })).toEqual(["d", "b"]);
    expect(await list(admin, { assigned_team: "Finance" })).toEqual([]);
    expect(await list(tech, { my_tickets: "true" })).toEqual(["b"]);
    expect(await list(admin, { my_tickets: "true" })).toEqual(["c"]);
    expect(await list(admin, { my_tickets: "false" })).toHaveLength(4);
    expect(await list(admin, { unassigned: "true" })).toEqual(["d", "a"]);
    expect(await list(admin, { open: "true" })).toEqual(["d", "b", "a"]);
    expect(await list(admin, { status: "new", priority: "urgent", open: "true" })).toEqual(["a"]);
  });

  it("rejects invalid filter values with 400, and a forged cursor with 404", async () => {
    for (const [k, v] of [["status", "open"], ["priority", "x"], ["company", "x"], ["assigned_to", "me"]]) {
      const r = await crmApi.list(admin, { [k]: v });
      expect(r.status, k).toBe(400);
      expect(Object.keys(r.json)).toEqual([k]);
    }
    // django-filter's BooleanWidget: an unknown value does not filter.
    expect((await crmApi.list(admin, { open: "maybe" })).status).toBe(200);
    const forged = await crmApi.list(admin, { cursor: "forged.cursor" });
    expect(forged.status).toBe(404);
    expect(forged.json).toEqual({ detail: "Invalid cursor" });
  });

  it("searches ticket number, subject, description and company name", async () => {
    expect(await list(admin, { search: "zone" })).toEqual(["d", "a"]);
    expect(await list(admin, { search: "marriott" })).toEqual(["b"]);
    expect(await list(admin, { search: "charged" })).toEqual(["b"]);
    const num = (await crmApi.get(admin, ids.c)).json.ticket_number;
    expect(await list(admin, { search: num })).toEqual(["c"]);
    expect(await list(admin, { search: "zone hilton" })).toEqual(["a"]);
  });

  it("orders by created_at, priority, status and due_date (nulls last)", async () => {
    expect(await list(admin, { ordering: "created_at" })).toEqual(["a", "b", "c", "d"]);
    const byPriority = await list(admin, { ordering: "-priority,created_at" });
    expect(byPriority).toEqual(["a", "c", "d", "b"]);
    expect(await list(admin, { ordering: "priority,created_at" })).toEqual(["b", "c", "d", "a"]);
    expect(await list(admin, { ordering: "-status,created_at" })).toEqual(["c", "b", "a", "d"]);
    expect(await list(admin, { ordering: "status,created_at" })).toEqual(["a", "d", "b", "c"]);
    const due = await list(admin, { ordering: "due_date" });
    expect(due.slice(0, 1)).toEqual(["a"]);
    expect(due[due.length - 1]).toBe("c");
    expect((await list(admin, { ordering: "-due_date" })).at(-1)).toBe("c");
    expect(await list(admin, { ordering: "bogus" })).toEqual(["d", "c", "b", "a"]);
  });

  it("paginates with cursors in the support API's envelope, for every ordering", async () => {
    for (const ordering of ["-created_at", "status,created_at", "-status", "due_date", "-priority"]) {
      const all = await list(admin, { ordering });
      const seen: (string | undefined)[] = [];
      let r = await crmApi.list(admin, { ordering, page_size: "1" });
      expect(Object.keys(r.json).sort()).toEqual(["next", "previous", "results"]);
      expect(r.json.previous).toBeNull();
      const pages: any[] = [r.json];
      while (r.json.next) {
        r = await call(crm.tickets.GET as any, "GET", pathOf(r.json.next), { user: admin });
        pages.push(r.json);
      }
      for (const p of pages) seen.push(...p.results.map((t: { id: string }) => Object.keys(ids).find((k) => ids[k] === t.id)));
      expect(seen, ordering).toEqual(all);
      // and back again from the last page
      const back = await call(crm.tickets.GET as any, "GET", pathOf(pages.at(-1).previous), { user: admin });
      expect(back.json.results[0].id).toBe(pages.at(-2).results[0].id);
    }
    // A cursor of one ordering is refused under another.
    const first = await crmApi.list(admin, { page_size: "1" });
    const url = new URL(first.json.next);
    const r = await crmApi.list(admin, { ordering: "status", cursor: url.searchParams.get("cursor")! });
    expect(r.status).toBe(404);
  });

  it("shows customers only their own tickets", async () => {
    expect(await list(cust)).toEqual(["d"]);
    expect(await list(other)).toEqual([]);
    expect(await list(cust, { search: "zone" })).toEqual(["d"]);
  });
});
