import { describe, expect, it } from "vitest";
import * as listRoute from "@/app/api/v1/support/sla-policies/route";
import * as itemRoute from "@/app/api/v1/support/sla-policies/[id]/route";
import { slaPolicyOut, slaPolicyPageOut } from "@/lib/api/support/sla-policy-schemas";
import { db } from "@/lib/db/client";
import { recomputeSlaClocks } from "@/lib/domain/sla/recompute-sla-clocks";
import { loadSlaPolicies } from "@/lib/domain/sla/load-policies";
import { DEFAULT_POLICY_ID } from "@/lib/domain/sla/sla-policy-input";
import { useTestDb } from "./support/db";
import { makeUser } from "./support/cast";
import { supportApi } from "./support/api";
import { call, handler as h } from "./support/http";
import { newTicket } from "./support/fixtures";

useTestDb();

type U = { token: string } | null;
/** A customer's ticket that an agent then files under `fields` (customers cannot set them). */
async function ticketWith(customer: U, admin: U, fields: Record<string, unknown>) {
  const t = await newTicket(customer);
  const r = await supportApi.patchTicket(admin, t.id, fields);
  expect(r.status, r.text).toBe(200);
  return r.json as Record<string, any>;
}

const sla = {
  list: (user: U) => call(h(listRoute.GET), "GET", "/api/v1/support/sla-policies/", { user }),
  create: (user: U, body: unknown) => call(h(listRoute.POST), "POST", "/api/v1/support/sla-policies/", { user, body }),
  get: (user: U, id: string) => call(h(itemRoute.GET), "GET", `/api/v1/support/sla-policies/${id}/`, { user, params: { id } }),
  patch: (user: U, id: string, body: unknown) => call(h(itemRoute.PATCH), "PATCH", `/api/v1/support/sla-policies/${id}/`, { user, body, params: { id } }),
  del: (user: U, id: string) => call(h(itemRoute.DELETE), "DELETE", `/api/v1/support/sla-policies/${id}/`, { user, params: { id } }),
};

const NINE_TO_FIVE = [{ start: "09:00", end: "17:00" }];
const billing = {
  name: "Billing business hours",
  position: 10,
  conditions: { category: ["billing"] },
  targets: { medium: { first_response: 240, next_response: 120, resolution: 960 }, urgent: { first_response: 30, resolution: 240 } },
  calendar: {
    time_zone: "America/New_York",
    weekly_hours: { mon: NINE_TO_FIVE, tue: NINE_TO_FIVE, wed: NINE_TO_FIVE, thu: NINE_TO_FIVE, fri: NINE_TO_FIVE },
    holidays: [{ date: "2026-12-25", recurring: true }],
  },
  warn_before_minutes: 30,
};

describe("/api/v1/support/sla-policies/", () => {
  it("agents read the policies (the default one is always there, last); customers may not", async () => {
    const customer = await makeUser();
    const agent = await makeUser({ role: "customer_service" });
    expect((await sla.list(customer)).status).toBe(403);
    expect((await sla.list(null)).status).toBe(401);
    const r = await sla.list(agent);
    expect(r.status).toBe(200);
    slaPolicyPageOut.parse(r.json);
    const [d] = r.json.results;
    expect(d).toMatchObject({ id: DEFAULT_POLICY_ID, is_default: true, position: null, conditions: {} });
    expect(d.targets.medium).toEqual({ first_response: null, next_response: null, resolution: 1440 });
    expect(d.calendar).toEqual({ time_zone: "UTC", weekly_hours: null, holidays: [] });
    expect((await sla.get(agent, DEFAULT_POLICY_ID)).json.name).toBe("Default");
    expect((await sla.get(customer, DEFAULT_POLICY_ID)).status).toBe(403);
    expect((await sla.get(agent, "00000000-0000-4000-8000-000000000999")).status).toBe(404);
    expect((await sla.get(agent, "not-an-id")).status).toBe(404);
  });

  it("only admins write; bad input is a DRF 400, never a 500", async () => {
    const agent = await makeUser({ role: "customer_service" });
    const admin = await makeUser({ role: "admin", isStaff: true });
    expect((await sla.create(agent, billing)).status).toBe(403);
    expect((await sla.patch(agent, DEFAULT_POLICY_ID, { warn_before_minutes: 5 })).status).toBe(403);
    expect((await sla.del(agent, DEFAULT_POLICY_ID)).status).toBe(403);
    const cases: [unknown, string][] = [
      [{ ...billing, name: "" }, "name"],
      [{ ...billing, calendar: { ...billing.calendar, time_zone: "Mars/Olympus" } }, "calendar"],
      [{ ...billing, calendar: { ...billing.calendar, weekly_hours: { mon: [{ start: "17:00", end: "09:00" }] } } }, "calendar"],
      [{ ...billing, calendar: { ...billing.calendar, weekly_hours: { mon: [{ start: "9am", end: "17:00" }] } } }, "calendar"],
      [{ ...billing, calendar: { ...billing.calendar, weekly_hours: {} } }, "calendar"],
      [{ ...billing, targets: { medium: { resolution: -5 } } }, "targets"],
      [{ ...billing, targets: { whenever: {} } }, "targets"],
      [{ ...billing, conditions: { team: ["nope"] } }, "conditions"],
      [{ ...billing, surprise: 1 }, "non_field_errors"],
      [{ ...billing, warn_before_minutes: "soon" }, "warn_before_minutes"],
    ];
    for (const [body, field] of cases) {
      const r = await sla.create(admin, body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(Object.keys(r.json).length, r.text).toBeGreaterThan(0);
      if (field !== "non_field_errors") expect(r.json, r.text).toHaveProperty([field]);
    }
    expect((await sla.create(admin, billing)).status).toBe(201);
    const dup = await sla.create(admin, billing);
    expect(dup.status).toBe(400);
    expect(dup.json.name).toBeDefined();
  });

  it("creating, editing and deleting a policy recomputes the open tickets it concerns", async () => {
    const customer = await makeUser();
    const admin = await makeUser({ role: "admin", isStaff: true });
    // Only this test's policy (the file shares one database).
    await (await db()).slaPolicy.deleteMany({ where: { isDefault: false } });
    const ticket = await ticketWith(customer, admin, { category: "billing" });
    const other = await newTicket(customer);
    const resolved = await ticketWith(customer, admin, { category: "billing" });
    const resolvedPolicy = (await supportApi.patchTicket(admin, resolved.id, { status: "resolved" })).json.sla_policy;

    const created = await sla.create(admin, { ...billing, name: "Billing (recompute)", position: 5 });
    expect(created.status, created.text).toBe(201);
    slaPolicyOut.parse(created.json);
    expect(created.json).toMatchObject({ name: "Billing (recompute)", position: 5, is_default: false, conditions: { category: ["billing"] }, warn_before_minutes: 30 });
    expect(created.json.targets.low).toEqual({ first_response: null, next_response: null, resolution: null });
    const id = created.json.id as string;

    let t = (await supportApi.getTicket(admin, ticket.id)).json;
    expect(t.sla_policy).toBe(id);
    expect(t.first_response_due_at).not.toBeNull();
    // Not matched: moves to the now-stored default with the same due time.
    const o = (await supportApi.getTicket(admin, other.id)).json;
    expect(o.sla_policy).toBe(DEFAULT_POLICY_ID);
    expect(o.sla_due_at).toBe(other.sla_due_at);
    // Resolved tickets are left alone.
    expect((await supportApi.getTicket(admin, resolved.id)).json.sla_policy).toBe(resolvedPolicy);

    const before = t.first_response_due_at as string;
    const edited = await sla.patch(admin, id, { targets: { medium: { first_response: 480, resolution: 960 } } });
    expect(edited.status, edited.text).toBe(200);
    expect(edited.json.targets.urgent.first_response).toBe(30);
    t = (await supportApi.getTicket(admin, ticket.id)).json;
    expect(new Date(t.first_response_due_at).getTime()).toBeGreaterThan(new Date(before).getTime());

    expect((await sla.patch(admin, DEFAULT_POLICY_ID, { conditions: { priority: ["low"] } })).status).toBe(400);
    expect((await sla.del(admin, DEFAULT_POLICY_ID)).status).toBe(409);

    expect((await sla.del(admin, id)).status).toBe(204);
    expect((await sla.get(admin, id)).status).toBe(404);
    t = (await supportApi.getTicket(admin, ticket.id)).json;
    expect(t.sla_policy).toBe(DEFAULT_POLICY_ID);
    expect(t.first_response_due_at).toBeNull();
  });

  it("the default policy can be edited (targets, warning lead) and open tickets follow", async () => {
    const customer = await makeUser();
    const admin = await makeUser({ role: "admin", isStaff: true });
    const ticket = await ticketWith(customer, admin, { priority: "low" });
    const r = await sla.patch(admin, DEFAULT_POLICY_ID, { targets: { low: { resolution: 60 } }, warn_before_minutes: 10 });
    expect(r.status, r.text).toBe(200);
    expect(r.json.targets.low.resolution).toBe(60);
    expect(r.json.targets.medium.resolution).toBe(1440);
    const t = (await supportApi.getTicket(admin, ticket.id)).json;
    expect(new Date(t.sla_due_at).getTime() - new Date(ticket.created_at).getTime()).toBeLessThanOrEqual(60 * 60_000 + 1000);
  });

  it("recomputes in batches: every open ticket, whatever the batch size", async () => {
    const customer = await makeUser();
    const admin = await makeUser({ role: "admin", isStaff: true });
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await ticketWith(customer, admin, { category: "refunds" })).id);
    const prisma = await db();
    const before = await loadSlaPolicies(prisma);
    const calendar = await prisma.slaCalendar.create({ data: { timeZone: "UTC", holidays: [] } });
    const p = await prisma.slaPolicy.create({
      data: { name: "Refunds", position: 1, conditions: { category: ["refunds"] }, calendarId: calendar.id, targets: Object.fromEntries(["low", "medium", "high", "urgent"].map((k) => [k, { firstResponse: 15, nextResponse: null, resolution: 600 }])) },
    });
    expect(await recomputeSlaClocks(before, { batchSize: 2 })).toBeGreaterThanOrEqual(5);
    for (const id of ids) expect((await supportApi.getTicket(admin, id)).json.sla_policy).toBe(p.id);
  });

  it("records creation, edits and deletion in the audit log, with who and what", async () => {
    const admin = await makeUser({ role: "admin", isStaff: true });
    const created = await sla.create(admin, { ...billing, name: "Audited policy" });
    expect(created.status, created.text).toBe(201);
    const id = created.json.id as string;
    expect((await sla.patch(admin, id, { warn_before_minutes: 15 })).status).toBe(200);
    expect((await sla.del(admin, id)).status).toBe(204);
    const prisma = await db();
    const rows = await prisma.auditLog.findMany({ where: { targetType: "sla_policy", targetId: id }, orderBy: { createdAt: "asc" } });
    expect(rows.map((r) => [r.action, r.actorId, r.summary])).toEqual([
      ["sla_policy.created", admin.id, 'Created SLA policy "Audited policy"'],
      ["sla_policy.updated", admin.id, 'Edited SLA policy "Audited policy"'],
      ["sla_policy.deleted", admin.id, 'Deleted SLA policy "Audited policy"'],
    ]);
    expect(rows[1].changes).toEqual({ warnBeforeMinutes: 15 });
    // A refused change leaves no row.
    const agent = await makeUser({ role: "customer_service" });
    expect((await sla.create(agent, { ...billing, name: "Not allowed" })).status).toBe(403);
    expect(await prisma.auditLog.count({ where: { summary: { contains: "Not allowed" } } })).toBe(0);
  });
});
