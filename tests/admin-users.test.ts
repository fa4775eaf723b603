import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { useTestDb } from "./support/db";
import { makeUser } from "./support/cast";
import { pathOf } from "./support/http";
import { supportApi } from "./support/api";
import { withEnv } from "./support/env-override";
import { adminApi, auditRows } from "./support/admin";
import { openAssignedTicket } from "./support/fixtures";
import { listAgents } from "@/lib/domain/users/list-agents";

useTestDb();

const PROXY = { TRUST_PROXY_HOPS: "1" };
const FROM = { "x-forwarded-for": "203.0.113.9", "user-agent": "AdminTest/1.0" };

describe("admin users API", () => {
  it("lists every account to admins, with search, role and is_active filters and cursor pages", async () => {
    const admin = await makeUser({ role: "admin" });
    const tag = `zq${Date.now()}`;
    const a = await makeUser({ role: "customer_service", name: `Ada ${tag}` });
    const b = await makeUser({ role: "customer", email: `bob-${tag}@example.test` });
    const c = await makeUser({ role: "customer", name: `Cy ${tag}` });
    await (await db()).user.update({ where: { id: c.id }, data: { isActive: false } });

    const all = await adminApi.listUsers(admin, { search: tag.toUpperCase() });
    expect(all.status, all.text).toBe(200);
    expect(all.json.results.map((u: { id: string }) => u.id).sort()).toEqual([a.id, b.id, c.id].sort());
    expect(all.json.results.find((u: { id: string }) => u.id === a.id)).toMatchObject({
      email: a.email, name: `Ada ${tag}`, role: "customer_service", is_staff: false, is_active: true, permissions: [], email_verified: true, team: null,
    });
    expect(JSON.stringify(all.json)).not.toMatch(/password/i);

    const agents = await adminApi.listUsers(admin, { search: tag, role: "customer_service" });
    expect(agents.json.results.map((u: { id: string }) => u.id)).toEqual([a.id]);
    const inactive = await adminApi.listUsers(admin, { search: tag, is_active: "false" });
    expect(inactive.json.results.map((u: { id: string }) => u.id)).toEqual([c.id]);
    expect((await adminApi.listUsers(admin, { role: "boss" })).status).toBe(400);

    const first = await adminApi.listUsers(admin, { search: tag, page_size: "2" });
    expect(first.json.results).toHaveLength(2);
    expect(first.json.previous).toBeNull();
    const second = await adminApi.listUsersPath(admin, pathOf(first.json.next));
    expect(second.json.results).toHaveLength(1);
    expect(second.json.next).toBeNull();
    const seen = [...first.json.results, ...second.json.results].map((u: { email: string }) => u.email);
    expect(seen).toEqual([...seen].sort());
    expect(new Set(seen).size).toBe(3);
  });

  it("is for admins and super admins only: 401 anonymous, 403 customers and agents", async () => {
    const target = await makeUser();
    for (const role of ["customer", "customer_service", "sales_manager"] as const) {
      const u = await makeUser({ role, isStaff: role !== "customer", permissions: ["support.view_ticket"] });
      expect((await adminApi.listUsers(u)).status).toBe(403);
      expect((await adminApi.getUser(u, target.id)).status).toBe(403);
      // The gate comes before the body is read, as DRF checks permissions before validating.
      expect((await adminApi.patchUser(u, target.id, { role: 42 })).status).toBe(403);
    }
    expect((await adminApi.listUsers(null)).status).toBe(401);
    expect((await adminApi.patchUser(null, target.id, { role: "admin" })).status).toBe(401);
    const superAdmin = await makeUser({ role: "super_admin" });
    expect((await adminApi.getUser(superAdmin, target.id)).json.id).toBe(target.id);
    expect((await adminApi.getUser(superAdmin, "00000000-0000-4000-8000-000000000000")).status).toBe(404);
  });

  it("changes role, staff flag and permissions, with an audit row of {field: {from, to}} and where it came from", async () => {
    const admin = await makeUser({ role: "admin" });
    const u = await makeUser({ role: "customer" });
    await withEnv(PROXY, async () => {
      const r = await adminApi.patchUser(admin, u.id, { role: "customer_service", is_staff: true, permissions: ["support.view_ticket", "support.view_ticket"] }, FROM);
      expect(r.status, r.text).toBe(200);
      expect(r.json).toMatchObject({ role: "customer_service", is_staff: true, permissions: ["support.view_ticket"] });
    });
    const [row] = await auditRows({ targetId: u.id, action: "user.updated" });
    expect(row).toMatchObject({
      actorId: admin.id, actorEmail: admin.email, targetType: "user", ip: "203.0.113.9", userAgent: "AdminTest/1.0",
      changes: { role: { from: "customer", to: "customer_service" }, is_staff: { from: false, to: true }, permissions: { from: [], to: ["support.view_ticket"] } },
    });
    expect(row.summary).toContain(u.email);

    // The same values again change nothing and write nothing.
    expect((await adminApi.patchUser(admin, u.id, { role: "customer_service", is_staff: true })).status).toBe(200);
    expect(await auditRows({ targetId: u.id, action: "user.updated" })).toHaveLength(1);

    const bad = await adminApi.patchUser(admin, u.id, { permissions: ["support.delete_everything"], is_staff: "maybe", role: "boss" });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.json).sort()).toEqual(["is_staff", "role"]);
    const unknownPerm = await adminApi.patchUser(admin, u.id, { permissions: ["support.delete_everything"] });
    expect(unknownPerm.status).toBe(400);
    expect(unknownPerm.json.permissions[0]).toMatch(/Unknown permission "support.delete_everything"/);
  });

  it("leaves super_admin to super admins, and never removes the last active one", async () => {
    const prisma = await db();
    // Only the super admins of this test exist while it runs.
    await prisma.user.updateMany({ where: { role: "super_admin" }, data: { role: "admin" } });
    const root = await makeUser({ role: "super_admin" });
    const admin = await makeUser({ role: "admin" });
    const agent = await makeUser({ role: "customer_service" });

    const grant = await adminApi.patchUser(admin, agent.id, { role: "super_admin" });
    expect(grant.status).toBe(403);
    expect((await adminApi.patchUser(admin, root.id, { is_active: false })).status).toBe(403);
    expect((await adminApi.patchUser(admin, root.id, { is_staff: true })).status).toBe(403);

    const lastDemote = await adminApi.patchUser(root, root.id, { role: "admin" });
    expect(lastDemote.status).toBe(400);
    expect(lastDemote.json.role[0]).toMatch(/last active super admin/);
    expect((await adminApi.patchUser(root, root.id, { is_active: false })).json.is_active[0]).toMatch(/your own account/);

    const second = await adminApi.patchUser(root, agent.id, { role: "super_admin" });
    expect(second.status, second.text).toBe(200);
    // Now there are two: root may step down to admin, but then only `agent` can touch `agent`.
    expect((await adminApi.patchUser(root, root.id, { role: "admin" })).status).toBe(200);
    expect((await adminApi.patchUser(root, agent.id, { role: "admin" })).status).toBe(403);
    const lastAgain = await adminApi.patchUser(agent, agent.id, { role: "customer_service" });
    expect(lastAgain.status).toBe(400);
    expect(await prisma.user.count({ where: { role: "super_admin", isActive: true } })).toBe(1);
  });

  it("lets two super admins demote each other at once only as far as one of them", async () => {
    const prisma = await db();
    await prisma.user.updateMany({ where: { role: "super_admin" }, data: { role: "admin" } });
    const s1 = await makeUser({ role: "super_admin" });
    const s2 = await makeUser({ role: "super_admin" });
    const results = await Promise.all([
      adminApi.patchUser(s1, s2.id, { role: "admin" }),
      adminApi.patchUser(s2, s1.id, { is_active: false }),
    ]);
    // The loser's own super-admin standing is read inside the transaction: by then it is gone.
    expect(results.map((r) => r.status).sort()).toEqual([200, 403]);
    expect(await prisma.user.count({ where: { role: "super_admin", isActive: true } })).toBe(1);
  });

  it("does not let an admin lower their own role below admin", async () => {
    const admin = await makeUser({ role: "admin" });
    const r = await adminApi.patchUser(admin, admin.id, { role: "customer_service" });
    expect(r.status).toBe(400);
    expect(r.json.role[0]).toMatch(/below admin/);
    expect((await adminApi.patchUser(admin, admin.id, { role: "super_admin" })).status).toBe(403);
    expect((await adminApi.patchUser(admin, admin.id, { is_staff: true })).status).toBe(200);
  });

  it("deactivation stops the user's access and refresh tokens at once; reactivation needs a new sign-in", async () => {
    const admin = await makeUser({ role: "admin" });
    const agent = await makeUser({ role: "customer_service", password: "agent-password-1" });
    const obtained = await adminApi.obtainToken(agent.email, "agent-password-1");
    expect(obtained.status).toBe(200);
    expect((await supportApi.listTickets(agent)).status).toBe(200);

    const off = await adminApi.patchUser(admin, agent.id, { is_active: false });
    expect(off.status, off.text).toBe(200);
    expect(off.json.is_active).toBe(false);
    expect((await supportApi.listTickets(agent)).status).toBe(401);
    expect((await supportApi.listTickets({ token: obtained.json.access })).status).toBe(401);
    expect((await adminApi.refresh(obtained.json.refresh)).status).toBe(401);
    expect((await adminApi.obtainToken(agent.email, "agent-password-1")).status).toBe(401);
    const user = await (await db()).user.findUniqueOrThrow({ where: { id: agent.id } });
    expect(user.sessionsValidAfter).not.toBeNull();
    const [row] = await auditRows({ targetId: agent.id, action: "user.deactivated" });
    expect(row.changes).toEqual({ is_active: { from: true, to: false } });

    expect((await adminApi.patchUser(admin, agent.id, { is_active: true })).status).toBe(200);
    expect(await auditRows({ targetId: agent.id, action: "user.reactivated" })).toHaveLength(1);
    // Tokens from before the deactivation stay dead; a new sign-in works again.
    expect((await supportApi.listTickets(agent)).status).toBe(401);
    const again = await adminApi.obtainToken(agent.email, "agent-password-1");
    expect(again.status).toBe(200);
    expect((await supportApi.listTickets({ token: again.json.access })).status).toBe(200);
  });

  it("keeps a deactivated agent's tickets assigned, and the agent pages name them as deactivated", async () => {
    const admin = await makeUser({ role: "admin" });
    const { agent, t } = await openAssignedTicket();
    const idle = await makeUser({ role: "customer_service" });
    expect((await adminApi.patchUser(admin, agent.id, { is_active: false })).status).toBe(200);
    expect((await adminApi.patchUser(admin, idle.id, { is_active: false })).status).toBe(200);
    expect((await supportApi.getTicket(admin, t.id)).json.assigned_to).toBe(agent.id);
    const agents = await listAgents(admin);
    expect(agents.find((a) => a.id === agent.id)).toMatchObject({ deactivated: true });
    expect(agents.find((a) => a.id === admin.id)).toMatchObject({ deactivated: false });
    // A deactivated agent with nothing assigned is simply gone from the pickers.
    expect(agents.find((a) => a.id === idle.id)).toBeUndefined();
    const again = await supportApi.patchTicket(admin, t.id, { assigned_to: agent.id });
    expect(again.status).toBe(200); // the same assignee again is no new assignment
    const other = await newTicketFor();
    const refused = await supportApi.patchTicket(admin, other, { assigned_to: agent.id });
    expect(refused.status).toBe(400);
  });
});

describe("admin API inputs", () => {
  it("never answers 500 to odd bodies and queries", async () => {
    const admin = await makeUser({ role: "admin" });
    const u = await makeUser();
    const bodies: unknown[] = [
      null, [], "role", 42, { role: null }, { role: ["admin"] }, { is_active: "yes" }, { is_staff: null },
      { permissions: "support.view_ticket" }, { permissions: [null] }, { permissions: ["x".repeat(5000)] },
      { permissions: Array.from({ length: 500 }, (_, i) => `a.b${i}`) }, { role: "\u0000admin" }, { unknown: true }, {},
    ];
    for (const body of bodies) {
      const r = await adminApi.patchUser(admin, u.id, body);
      expect(r.status, `${JSON.stringify(body)} -> ${r.text}`).toBeLessThan(500);
      expect([200, 400]).toContain(r.status);
    }
    const queries: Record<string, string>[] = [
      { search: "%_\\" }, { search: "x".repeat(300) }, { role: "" }, { is_active: "maybe" }, { cursor: "garbage" }, { page_size: "-1" },
    ];
    for (const q of queries) expect((await adminApi.listUsers(admin, q)).status, JSON.stringify(q)).toBeLessThan(500);
    const auditQueries: Record<string, string>[] = [{ actor: "x" }, { created_after: "2026-13-45" }, { target_id: "%" }, { cursor: "e30" }, { action: "\u0000" }];
    for (const q of auditQueries) {
      expect((await adminApi.auditLog(admin, q)).status, JSON.stringify(q)).toBeLessThan(500);
    }
    expect((await adminApi.getUser(admin, "not-a-uuid")).status).toBe(404);
  });
});

/** A fresh customer's ticket, unassigned. */
async function newTicketFor(): Promise<string> {
  const r = await supportApi.createTicket(await makeUser(), { subject: "Another one", initial_message: "Hi" });
  expect(r.status).toBe(201);
  return r.json.id as string;
}
