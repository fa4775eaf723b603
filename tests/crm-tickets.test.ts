import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { useTestDb } from "./support/db";
import { call } from "./support/http";
import { makeCast, type TestUser } from "./support/cast";
import { crm, crmApi } from "./support/api";
import { makeCompany, makeContact } from "./support/fixtures";

useTestDb();

let admin: TestUser, agent: TestUser, agent2: TestUser, cust: TestUser, other: TestUser;
beforeAll(async () => {
  ({ admin, agent, otherAgent: agent2, customer: cust, otherCustomer: other } = await makeCast());
});

describe("POST /api/v1/tickets/", () => {
  it("creates a ticket with every writable field set", async () => {
    const company = await makeCompany("Hilton Pattaya");
    const contact = await makeContact("John Smith", company.id);
    const r = await crmApi.create(admin, {
      subject: "Zone offline in Bangkok office",
      description: "Zone has been offline for 2 hours...",
      priority: "high",
      category: "technical",
      company: company.id,
      contact: contact.id,
      due_date: "2025-11-20T17:00:00Z",
      tags: "vip, zone, vip",
    });
    expect(r.status, JSON.stringify(r.json)).toBe(201);
    const t = r.json;
    expect(t.ticket_number).toMatch(/^T-\d{8}-\d{4}$/);
    expect(t.ticket_number.slice(2, 10)).toBe(new Date().toISOString().slice(0, 10).replace(/-/g, ""));
    expect(t).toMatchObject({
      subject: "Zone offline in Bangkok office",
      status: "new",
      priority: "high",
      category: "technical",
      company: company.id,
      company_name: "Hilton Pattaya",
      contact: contact.id,
      contact_name: "John Smith",
      assigned_to: null,
      assigned_to_name: null,
      assigned_team: "Tech",
      created_by: admin.id,
      created_by_name: "Ada Admin",
      first_response_at: null,
      resolved_at: null,
      closed_at: null,
      due_date: "2025-11-20T17:00:00.000Z",
      first_response_time_hours: null,
      resolution_time_hours: null,
      is_overdue: true,
      tags: "vip, zone",
      comments: [],
      attachments: [],
      comments_count: 0,
      internal_notes_count: 0,
      merged_into: null,
    });
    expect(Object.keys(t).sort()).toEqual(
      [
        "id", "ticket_number", "subject", "description", "status", "priority", "category", "company", "company_name",
        "contact", "contact_name", "assigned_to", "assigned_to_name", "assigned_team", "created_by", "created_by_name",
        "first_response_at", "resolved_at", "closed_at", "due_date", "first_response_time_hours", "resolution_time_hours",
        "is_overdue", "tags", "comments", "attachments", "comments_count", "internal_notes_count", "created_at", "updated_at",
        "merged_into",
      ].sort(),
    );
    expect(r.headers.get("location")).toBe(`/api/v1/tickets/${t.id}/`);
  });

  it("routes by category to its team, and takes the assignee's team when assigned", async () => {
    for (const [category, team] of [["billing", "Finance"], ["sales", "Sales"], ["something-else", "Support"]]) {
      const r = await crmApi.create(agent, { subject: `cat ${category}`, category });
      expect(r.json.assigned_team).toBe(team);
    }
    const r = await crmApi.create(agent, { subject: "assigned at birth", category: "billing", assigned_to: agent2.id });
    expect(r.json).toMatchObject({ status: "assigned", assigned_to: agent2.id, assigned_to_name: "Agent Two", assigned_team: "Support" });
  });

  it("defaults due_date to the priority's SLA and numbers tickets sequentially", async () => {
    const a = await crmApi.create(agent, { subject: "a", priority: "urgent" });
    const b = await crmApi.create(agent, { subject: "b" });
    const due = new Date(a.json.due_date).getTime() - new Date(a.json.created_at).getTime();
    expect(due).toBe(4 * 3_600_000);
    expect(a.json.is_overdue).toBe(false);
    expect(Number(b.json.ticket_number.slice(-4))).toBe(Number(a.json.ticket_number.slice(-4)) + 1);
  });

  it("lets a customer open a ticket for themselves, but not set agent fields", async () => {
    const ok = await crmApi.create(cust, { subject: "Help", description: "It broke" });
    expect(ok.status).toBe(201);
    expect(ok.json).toMatchObject({ created_by: cust.id, status: "new" });
    const bad = await crmApi.create(cust, { subject: "Help", priority: "urgent", due_date: "2030-01-01T00:00:00Z" });
    expect(bad.status).toBe(400);
    expect(bad.json).toEqual({
      priority: ["Only support agents may set this field."],
      due_date: ["Only support agents may set this field."],
    });
    const co = await makeCompany("Sneaky");
    const bad2 = await crmApi.create(cust, { subject: "Help", company: co.id });
    expect(bad2.json).toEqual({ company: ["Only support agents may set this field."] });
  });

  it("validates input with DRF error shapes", async () => {
    const cases: [unknown, Record<string, unknown>][] = [
      [{}, { subject: ["This field is required."] }],
      [{ subject: "  " }, { subject: ["This field may not be blank."] }],
      [{ subject: "x", priority: "critical" }, { priority: ['"critical" is not a valid choice.'] }],
      [{ subject: "x", status: "open" }, { status: ['"open" is not a valid choice.'] }],
      [{ subject: "x", due_date: "tomorrow" }, { due_date: ["Datetime has wrong format. Use ISO 8601, e.g. 2025-01-31T17:00:00Z."] }],
      [{ subject: "x", company: "nope" }, { company: ['"nope" is not a valid UUID.'] }],
      [{ subject: "x", company: "00000000-0000-4000-8000-000000000000" }, { company: ['Invalid pk "00000000-0000-4000-8000-000000000000" - object does not exist.'] }],
      [{ subject: "x", contact: "00000000-0000-4000-8000-000000000000" }, { contact: ['Invalid pk "00000000-0000-4000-8000-000000000000" - object does not exist.'] }],
      [{ subject: "x", assigned_to: cust.id }, { assigned_to: ["Tickets can only be assigned to active support agents."] }],
    ];
    for (const [body, expected] of cases) {
      const r = await crmApi.create(agent, body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.json).toEqual(expected);
    }
    const list = await crmApi.create(agent, [1, 2]);
    expect(list.status).toBe(400);
    expect(Object.keys(list.json)).toEqual(["non_field_errors"]);
    const tags = await crmApi.create(agent, { subject: "x", tags: ["a"] });
    expect(tags.status).toBe(400);
    expect(Object.keys(tags.json)).toEqual(["tags"]);
    const raw = await call(crm.tickets.POST as any, "POST", "/api/v1/tickets/", { user: agent, raw: { body: "{", contentType: "application/json" } });
    expect(raw.status).toBe(400);
    expect(raw.json.non_field_errors[0]).toMatch(/JSON parse error/);
  });

  it("requires authentication and rejects other methods", async () => {
    expect((await crmApi.create(null, { subject: "x" })).status).toBe(401);
    expect((await crmApi.list(null)).status).toBe(401);
    const bad = await crmApi.list({ token: "garbage" });
    expect(bad.status).toBe(401);
    const put = await call(crm.tickets.PUT as any, "PUT", "/api/v1/tickets/", { user: agent, body: {} });
    expect(put.status).toBe(405);
    expect(put.json).toEqual({ detail: 'Method "PUT" not allowed.' });
  });
});

describe("GET/PATCH/DELETE /api/v1/tickets/{id}/", () => {
  it("reads a ticket within the actor's scope only", async () => {
    const mine = (await crmApi.create(cust, { subject: "mine" })).json;
    expect((await crmApi.get(cust, mine.id)).json.subject).toBe("mine");
    expect((await crmApi.get(agent, mine.id)).status).toBe(200);
    const hidden = await crmApi.get(other, mine.id);
    expect(hidden.status).toBe(404);
    expect(hidden.json).toEqual({ detail: "Not found." });
    expect((await crmApi.get(agent, "not-a-uuid")).status).toBe(404);
    expect((await crmApi.get(agent, "00000000-0000-4000-8000-000000000000")).status).toBe(404);
  });

  it("updates fields with the support API's rules and timestamps", async () => {
    const t = (await crmApi.create(agent, { subject: "edit me", category: "billing" })).json;
    const company = await makeCompany("Acme");
    const r = await crmApi.patch(admin, t.id, {
      subject: "edited",
      priority: "urgent",
      due_date: null,
      tags: "a,b",
      company: company.id,
      status: "resolved",
    });
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    expect(r.json).toMatchObject({ subject: "edited", priority: "urgent", due_date: null, tags: "a, b", company: company.id, company_name: "Acme", status: "resolved", is_overdue: false });
    expect(r.json.resolved_at).not.toBeNull();
    expect(typeof r.json.resolution_time_hours).toBe("number");
    const closed = await crmApi.patch(admin, t.id, { status: "closed" });
    expect(closed.json.closed_at).not.toBeNull();
    const reopened = await crmApi.patch(admin, t.id, { status: "in_progress" });
    expect(reopened.json).toMatchObject({ resolved_at: null, closed_at: null, resolution_time_hours: null });
    const none = await crmApi.patch(admin, t.id, { company: null });
    expect(none.json).toMatchObject({ company: null, company_name: null });
  });

  it("keeps status changes to the assignee or an admin, and refuses customers", async () => {
    const t = (await crmApi.create(cust, { subject: "perm" })).json;
    const byAgent = await crmApi.patch(agent, t.id, { status: "pending" });
    expect(byAgent.status).toBe(403);
    expect((await crmApi.patch(agent, t.id, { priority: "low" })).status).toBe(200);
    const byCustomer = await crmApi.patch(cust, t.id, { subject: "mine now" });
    expect(byCustomer.status).toBe(403);
    expect((await crmApi.patch(other, t.id, { subject: "x" })).status).toBe(404);
    expect((await crmApi.patch(agent, t.id, { priority: "whatever" })).json).toEqual({ priority: ['"whatever" is not a valid choice.'] });
  });

  it("refuses a stale If-Match with 412", async () => {
    const t = await crmApi.create(agent, { subject: "etag" });
    const etag = t.headers.get("etag")!;
    expect((await crmApi.patch(agent, t.json.id, { priority: "high" }, { "if-match": etag })).status).toBe(200);
    expect((await crmApi.patch(agent, t.json.id, { priority: "low" }, { "if-match": etag })).status).toBe(412);
  });

  it("deletes for admins only", async () => {
    const t = (await crmApi.create(cust, { subject: "doomed" })).json;
    expect((await crmApi.del(agent, t.id)).status).toBe(403);
    expect((await crmApi.del(cust, t.id)).status).toBe(403);
    expect((await crmApi.del(other, t.id)).status).toBe(404);
    const ok = await crmApi.del(admin, t.id);
    expect(ok.status).toBe(204);
    expect((await crmApi.get(admin, t.id)).status).toBe(404);
    const prisma = await db();
    expect(await prisma.event.count({ where: { ticketId: t.id } })).toBe(0);
  });
});
