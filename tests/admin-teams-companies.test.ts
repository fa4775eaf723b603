import { beforeAll, describe, expect, it } from "vitest";
import * as teamsRoute from "@/app/api/v1/admin/teams/route";
import * as teamRoute from "@/app/api/v1/admin/teams/[id]/route";
import * as membersRoute from "@/app/api/v1/admin/teams/[id]/members/route";
import * as memberRoute from "@/app/api/v1/admin/teams/[id]/members/[user_id]/route";
import * as companiesRoute from "@/app/api/v1/admin/companies/route";
import * as companyRoute from "@/app/api/v1/admin/companies/[id]/route";
import { db } from "@/lib/db/client";
import { makeCast, type Cast } from "./support/cast";
import { useTestDb } from "./support/db";
import { call, handler, pathOf } from "./support/http";

useTestDb();

type Who = { token: string } | null;
const teams = {
  list: (u: Who, query: Record<string, string> = {}) => call(handler(teamsRoute.GET), "GET", "/api/v1/admin/teams/", { user: u, query }),
  create: (u: Who, body: unknown) => call(handler(teamsRoute.POST), "POST", "/api/v1/admin/teams/", { user: u, body }),
  rename: (u: Who, id: string, body: unknown) => call(handler(teamRoute.PATCH), "PATCH", `/api/v1/admin/teams/${id}/`, { user: u, body, params: { id } }),
  remove: (u: Who, id: string) => call(handler(teamRoute.DELETE), "DELETE", `/api/v1/admin/teams/${id}/`, { user: u, params: { id } }),
  addMember: (u: Who, id: string, user: string) => call(handler(membersRoute.POST), "POST", `/api/v1/admin/teams/${id}/members/`, { user: u, body: { user }, params: { id } }),
  removeMember: (u: Who, id: string, userId: string) =>
    call(handler(memberRoute.DELETE), "DELETE", `/api/v1/admin/teams/${id}/members/${userId}/`, { user: u, params: { id, user_id: userId } }),
};
const companies = {
  list: (u: Who, query: Record<string, string> = {}) => call(handler(companiesRoute.GET), "GET", "/api/v1/admin/companies/", { user: u, query }),
  create: (u: Who, body: unknown) => call(handler(companiesRoute.POST), "POST", "/api/v1/admin/companies/", { user: u, body }),
  update: (u: Who, id: string, body: unknown) => call(handler(companyRoute.PATCH), "PATCH", `/api/v1/admin/companies/${id}/`, { user: u, body, params: { id } }),
};

let cast: Cast;
beforeAll(async () => {
  cast = await makeCast();
});

describe("/api/v1/admin/teams/", () => {
  it("creates, lists with members and counts, renames and deletes teams", async () => {
    const created = await teams.create(cast.admin, { name: "  Escalations " });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ name: "Escalations", member_count: 0, members: [] });
    expect(created.headers.get("location")).toBe(`/api/v1/admin/teams/${created.json.id}/`);
    const id = created.json.id;
    const dup = await teams.create(cast.superAdmin, { name: "escalations" });
    expect(dup.status).toBe(400);
    expect(dup.json).toEqual({ name: ["A team with this name already exists."] });
    expect((await teams.create(cast.admin, { name: "" })).json).toEqual({ name: ["This field may not be blank."] });

    const added = await teams.addMember(cast.admin, id, cast.agent.id);
    expect(added.status).toBe(200);
    expect(added.json.member_count).toBe(1);
    expect(added.json.members).toEqual([{ id: cast.agent.id, name: "Agent One", email: cast.agent.email, role: "customer_service", is_active: true }]);
    await teams.addMember(cast.admin, id, cast.otherAgent.id);

    const renamed = await teams.rename(cast.admin, id, { name: "Tier 2" });
    expect(renamed.status).toBe(200);
    expect(renamed.json).toMatchObject({ name: "Tier 2", member_count: 2 });

    await teams.create(cast.admin, { name: "Billing" });
    const page = await teams.list(cast.admin, { page_size: "1" });
    expect(page.status).toBe(200);
    expect(page.json.results.map((t: { name: string }) => t.name)).toEqual(["Billing"]);
    const next = await call(handler(teamsRoute.GET), "GET", pathOf(page.json.next), { user: cast.admin });
    expect(next.json.results.map((t: { name: string; member_count: number }) => [t.name, t.member_count])).toEqual([["Tier 2", 2]]);

    expect((await teams.remove(cast.admin, id)).status).toBe(204);
    expect((await teams.remove(cast.admin, id)).status).toBe(404);
    // Members stay, without a team.
    expect((await (await db()).user.findUniqueOrThrow({ where: { id: cast.agent.id } })).teamId).toBeNull();
  });

  it("moves a member between teams, removes them, and refuses customers and strangers", async () => {
    const a = (await teams.create(cast.admin, { name: "Alpha" })).json.id;
    const b = (await teams.create(cast.admin, { name: "Beta" })).json.id;
    await teams.addMember(cast.admin, a, cast.salesManager.id);
    const moved = await teams.addMember(cast.admin, b, cast.salesManager.id);
    expect(moved.json.members.map((m: { id: string }) => m.id)).toEqual([cast.salesManager.id]);
    const alpha = (await teams.list(cast.admin)).json.results.find((t: { id: string }) => t.id === a);
    expect(alpha.member_count).toBe(0);

    expect((await teams.removeMember(cast.admin, a, cast.salesManager.id)).status).toBe(404);
    expect((await teams.removeMember(cast.admin, b, cast.salesManager.id)).status).toBe(204);
    expect((await (await db()).user.findUniqueOrThrow({ where: { id: cast.salesManager.id } })).teamId).toBeNull();

    const customer = await teams.addMember(cast.admin, a, cast.customer.id);
    expect(customer.status).toBe(400);
    expect(customer.json).toEqual({ user: ["Only agents and admins can be in a team."] });
    const ghost = await teams.addMember(cast.admin, a, "00000000-0000-4000-8000-000000000999");
    expect(ghost.json).toEqual({ user: ['Invalid pk "00000000-0000-4000-8000-000000000999" - object does not exist.'] });
    expect((await teams.addMember(cast.admin, "00000000-0000-4000-8000-000000000999", cast.agent.id)).status).toBe(404);
  });

  it("answers 401 to anonymous callers and 403 to agents and customers", async () => {
    const id = (await teams.create(cast.admin, { name: "Guarded" })).json.id;
    for (const [who, status] of [[null, 401], [cast.agent, 403], [cast.customer, 403]] as const) {
      expect((await teams.list(who)).status).toBe(status);
      expect((await teams.create(who, { name: "Mine" })).status).toBe(status);
      expect((await teams.rename(who, id, { name: "Mine" })).status).toBe(status);
      expect((await teams.remove(who, id)).status).toBe(status);
      expect((await teams.addMember(who, id, cast.agent.id)).status).toBe(status);
      expect((await teams.removeMember(who, id, cast.agent.id)).status).toBe(status);
    }
    expect((await teams.list(cast.agent)).json).toEqual({ detail: "You do not have permission to perform this action." });
  });
});

describe("/api/v1/admin/companies/", () => {
  it("creates, searches by name or domain, and edits companies; a domain belongs to one company", async () => {
    const acme = await companies.create(cast.admin, { name: "Acme Corp", domain: "@ACME.com " });
    expect(acme.status).toBe(201);
    expect(acme.json).toMatchObject({ name: "Acme Corp", domain: "acme.com", contact_count: 0 });
    const globex = await companies.create(cast.admin, { name: "Globex" });
    expect(globex.json.domain).toBeNull();
    const clash = await companies.create(cast.admin, { name: "Acme Two", domain: "acme.com" });
    expect(clash.status).toBe(400);
    expect(clash.json).toEqual({ domain: ["Acme Corp already uses this domain."] });
    expect((await companies.create(cast.admin, { name: "Bad", domain: "not a domain" })).json).toEqual({ domain: ["Enter a domain name such as example.com."] });

    await (await db()).contact.create({ data: { email: "wile@acme.com", companyId: acme.json.id } });
    expect((await companies.list(cast.admin, { search: "ACME" })).json.results).toEqual([{ ...acme.json, contact_count: 1 }]);
    expect((await companies.list(cast.admin, { search: "globex" })).json.results.map((c: { id: string }) => c.id)).toEqual([globex.json.id]);

    const edited = await companies.update(cast.admin, globex.json.id, { name: "Globex Inc", domain: "globex.example" });
    expect(edited.status).toBe(200);
    expect(edited.json).toMatchObject({ name: "Globex Inc", domain: "globex.example" });
    expect((await companies.update(cast.admin, globex.json.id, { domain: "acme.com" })).status).toBe(400);
    const cleared = await companies.update(cast.admin, globex.json.id, { domain: null });
    expect(cleared.json).toMatchObject({ name: "Globex Inc", domain: null });
    expect((await companies.update(cast.admin, "00000000-0000-4000-8000-000000000999", { name: "X" })).status).toBe(404);

    const page = await companies.list(cast.admin, { page_size: "1" });
    expect(page.json.results.map((c: { name: string }) => c.name)).toEqual(["Acme Corp"]);
    expect(page.json.next).not.toBeNull();
  });

  it("answers 401 to anonymous callers and 403 to agents and customers", async () => {
    const id = (await companies.create(cast.admin, { name: "Initech" })).json.id;
    for (const [who, status] of [[null, 401], [cast.agent, 403], [cast.customer, 403]] as const) {
      expect((await companies.list(who)).status).toBe(status);
      expect((await companies.create(who, { name: "Mine" })).status).toBe(status);
      expect((await companies.update(who, id, { name: "Mine" })).status).toBe(status);
    }
  });
});

describe("audit log", () => {
  it("records team and company changes with who did it and what changed", async () => {
    const prisma = await db();
    const since = new Date();
    const team = (await teams.create(cast.admin, { name: "Audited" })).json.id;
    await teams.rename(cast.admin, team, { name: "Audited Team" });
    await teams.rename(cast.admin, team, { name: "Audited Team" }); // no change, no row
    await teams.addMember(cast.superAdmin, team, cast.otherAgent.id);
    await teams.removeMember(cast.superAdmin, team, cast.otherAgent.id);
    await teams.remove(cast.admin, team);
    const company = (await companies.create(cast.admin, { name: "Umbrella", domain: "umbrella.example" })).json.id;
    await companies.update(cast.admin, company, { domain: "umbrella.test" });
    await companies.update(cast.agent, company, { name: "Hijacked" }); // 403: no row

    const rows = await prisma.auditLog.findMany({ where: { createdAt: { gte: since } }, orderBy: { createdAt: "asc" } });
    expect(rows.map((r) => [r.action, r.actorId, r.targetId])).toEqual([
      ["team.created", cast.admin.id, team],
      ["team.renamed", cast.admin.id, team],
      ["team.member_added", cast.superAdmin.id, cast.otherAgent.id],
      ["team.member_removed", cast.superAdmin.id, cast.otherAgent.id],
      ["team.deleted", cast.admin.id, team],
      ["company.created", cast.admin.id, company],
      ["company.updated", cast.admin.id, company],
    ]);
    expect(rows[1].changes).toEqual({ name: { from: "Audited", to: "Audited Team" } });
    expect(rows[2].changes).toEqual({ team: { from: null, to: team } });
    expect(rows[6]).toMatchObject({ summary: "Changed the company Umbrella: domain", changes: { domain: { from: "umbrella.example", to: "umbrella.test" } } });
  });
});
