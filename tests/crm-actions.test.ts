import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { useTestDb } from "./support/db";
import { call } from "./support/http";
import { makeCast, makeUser, type TestUser } from "./support/cast";
import { crm, crmApi } from "./support/api";

useTestDb();

// salesManager as the second agent: its role maps to its own team ("Sales").
let admin: TestUser, agent: TestUser, salesManager: TestUser, cust: TestUser, other: TestUser;
beforeAll(async () => {
  ({ admin, agent, salesManager, customer: cust, otherCustomer: other } = await makeCast());
});

async function events(ticketId: string) {
  const prisma = await db();
  return prisma.event.findMany({ where: { ticketId }, orderBy: { createdAt: "asc" }, select: { type: true, data: true, actorId: true, isInternal: true } });
}

describe("POST /api/v1/tickets/{id}/add_comment/", () => {
  it("adds a public agent comment, sets first_response_at once and returns the ticket", async () => {
    const t = (await crmApi.create(cust, { subject: "needs help" })).json;
    const r = await crmApi.comment(agent, t.id, { text: "I've restarted the device.", is_internal: false });
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    expect(r.json.id).toBe(t.id);
    expect(r.json.comments).toHaveLength(1);
    expect(r.json.comments[0]).toMatchObject({
      ticket: t.id,
      author: agent.id,
      author_name: "Agent One",
      author_role: "customer_service",
      text: "I've restarted the device.",
      is_internal: false,
    });
    expect(r.json.comments_count).toBe(1);
    expect(r.json.first_response_at).not.toBeNull();
    expect(r.json.first_response_time_hours).toBeGreaterThanOrEqual(0);
    const first = r.json.first_response_at;
    const again = await crmApi.comment(agent, t.id, { text: "More." });
    expect(again.json.first_response_at).toBe(first);
    expect(again.json.comments_count).toBe(2);
  });

  it("keeps internal notes from customers and does not count them as a first response", async () => {
    const t = (await crmApi.create(cust, { subject: "notes" })).json;
    const r = await crmApi.comment(agent, t.id, { text: "customer seems upset", is_internal: true });
    expect(r.json).toMatchObject({ internal_notes_count: 1, comments_count: 0, first_response_at: null });
    expect(r.json.comments[0].is_internal).toBe(true);
    const c = await crmApi.comment(cust, t.id, { text: "any news?" });
    expect(c.status).toBe(200);
    expect(c.json.comments.map((x: { text: string }) => x.text)).toEqual(["any news?"]);
    expect(c.json.internal_notes_count).toBe(0);
    expect(c.json.first_response_at).toBeNull();
    const seen = await crmApi.get(cust, t.id);
    expect(JSON.stringify(seen.json)).not.toContain("upset");
    expect((await crmApi.get(agent, t.id)).json.internal_notes_count).toBe(1);
    const types = (await events(t.id)).map((e) => [e.type, e.isInternal]);
    expect(types).toContainEqual(["internal_note_created", true]);
    expect(types).toContainEqual(["message_created", false]);
  });

  it("validates and authorizes", async () => {
    const t = (await crmApi.create(cust, { subject: "val" })).json;
    const missing = await crmApi.comment(agent, t.id, { is_internal: false });
    expect(missing.status).toBe(400);
    expect(missing.json).toEqual({ text: ["This field is required."] });
    expect((await crmApi.comment(agent, t.id, { text: "   " })).json).toEqual({ text: ["This field may not be blank."] });
    expect((await crmApi.comment(agent, t.id, { text: "x", is_internal: "perhaps" })).status).toBe(400);
    const custNote = await crmApi.comment(cust, t.id, { text: "secret", is_internal: true });
    expect(custNote.status).toBe(400);
    expect(custNote.json).toEqual({ is_internal: ["Only support agents can post internal notes."] });
    expect((await crmApi.comment(other, t.id, { text: "hi" })).status).toBe(404);
    expect((await crmApi.comment(null, t.id, { text: "hi" })).status).toBe(401);
    expect((await crmApi.comment(agent, "00000000-0000-4000-8000-000000000000", { text: "hi" })).status).toBe(404);
    const get = await call(crm.addComment.GET as any, "GET", `/api/v1/tickets/${t.id}/add_comment/`, { user: agent, params: { id: t.id } });
    expect(get.status).toBe(405);
  });
});

describe("POST /api/v1/tickets/{id}/assign/", () => {
  it("assigns: team from the user's role, status new → assigned, event; null unassigns back to new", async () => {
    const t = (await crmApi.create(admin, { subject: "assign me", category: "technical" })).json;
    expect(t.assigned_team).toBe("Tech");
    const r = await crmApi.assign(admin, t.id, { user_id: salesManager.id });
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    expect(r.json).toMatchObject({ status: "assigned", assigned_to: salesManager.id, assigned_to_name: "Sam Sales", assigned_team: "Sales" });
    const un = await crmApi.assign(admin, t.id, { user_id: null });
    expect(un.json).toMatchObject({ status: "new", assigned_to: null, assigned_to_name: null });
    const ev = (await events(t.id)).filter((e) => e.type === "assignment_changed" || e.type === "status_changed");
    expect(ev.map((e) => [e.type, e.data])).toEqual([
      ["assignment_changed", { from: null, to: salesManager.id }],
      ["status_changed", { from: "new", to: "assigned" }],
      ["assignment_changed", { from: salesManager.id, to: null }],
      ["status_changed", { from: "assigned", to: "new" }],
    ]);
  });

  it("uses the assignee's own team when they have one, and keeps a later status", async () => {
    const prisma = await db();
    const team = await prisma.team.create({ data: { name: "Escalations" } });
    const member = await makeUser({ role: "customer_service", name: "Member" });
    await prisma.user.update({ where: { id: member.id }, data: { teamId: team.id } });
    const t = (await crmApi.create(admin, { subject: "team" })).json;
    await crmApi.patch(admin, t.id, { status: "in_progress" });
    const r = await crmApi.assign(admin, t.id, { user_id: member.id });
    expect(r.json).toMatchObject({ assigned_team: "Escalations", status: "in_progress" });
  });

  it("follows the policy: any agent may take an unassigned ticket, only assignee/admin may reassign", async () => {
    const t = (await crmApi.create(cust, { subject: "policy" })).json;
    expect((await crmApi.assign(agent, t.id, { user_id: salesManager.id })).status).toBe(403);
    expect((await crmApi.assign(agent, t.id, { user_id: agent.id })).json.assigned_to).toBe(agent.id);
    expect((await crmApi.assign(salesManager, t.id, { user_id: salesManager.id })).status).toBe(403);
    expect((await crmApi.assign(cust, t.id, { user_id: agent.id })).status).toBe(403);
    expect((await crmApi.assign(other, t.id, { user_id: agent.id })).status).toBe(404);
  });

  it("validates user_id", async () => {
    const t = (await crmApi.create(admin, { subject: "v" })).json;
    expect((await crmApi.assign(admin, t.id, {})).json).toEqual({ user_id: ["This field is required."] });
    expect((await crmApi.assign(admin, t.id, { user_id: "x" })).json).toEqual({ user_id: ['"x" is not a valid UUID.'] });
    const ghost = "00000000-0000-4000-8000-000000000000";
    expect((await crmApi.assign(admin, t.id, { user_id: ghost })).json).toEqual({ user_id: [`Invalid pk "${ghost}" - object does not exist.`] });
    const toCustomer = await crmApi.assign(admin, t.id, { user_id: cust.id });
    expect(toCustomer.status).toBe(400);
    expect(toCustomer.json).toEqual({ user_id: ["Tickets can only be assigned to active support agents."] });
  });
});

describe("GET /api/v1/tickets/stats/", () => {
  it("counts what the actor may see", async () => {
    const prisma = await db();
    await prisma.ticket.deleteMany({});
    const past = "2020-01-01T00:00:00Z";
    const mk = async (user: TestUser, body: Record<string, unknown>) => (await crmApi.create(user, { subject: "s", ...body })).json;
    await mk(admin, { priority: "urgent", due_date: past });
    await mk(admin, { priority: "low", assigned_to: agent.id });
    await mk(admin, { priority: "high", assigned_to: agent.id, status: "in_progress", due_date: past });
    await mk(admin, { priority: "high", assigned_to: agent.id, status: "resolved", due_date: past });
    await mk(cust, {});
    const r = await crmApi.stats(agent);
    expect(r.status).toBe(200);
    expect(r.json).toEqual({
      total: 5,
      by_status: { new: 2, assigned: 1, in_progress: 1, pending: 0, resolved: 1, closed: 0 },
      by_priority: { low: 1, medium: 1, high: 2, urgent: 1 },
      my_open_tickets: 2,
      unassigned: 2,
      overdue: 2,
    });
    const mine = await crmApi.stats(cust);
    expect(mine.json).toMatchObject({ total: 1, by_status: { new: 1 }, my_open_tickets: 0, unassigned: 1, overdue: 0 });
    expect((await crmApi.stats(other)).json.total).toBe(0);
    expect((await crmApi.stats(null)).status).toBe(401);
  });
});
