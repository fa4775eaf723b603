import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import * as viewsRoute from "@/app/api/v1/support/views/route";
import * as viewRoute from "@/app/api/v1/support/views/[id]/route";
import { useTestDb } from "./support/db";
import { makeUser } from "./support/cast";
import { call, handler as h } from "./support/http";

useTestDb();

type U = { token: string; id: string };
const views = {
  list: (u: U, query: Record<string, string> = {}) => call(h(viewsRoute.GET), "GET", "/api/v1/support/views/", { user: u, query }),
  create: (u: U, body: unknown) => call(h(viewsRoute.POST), "POST", "/api/v1/support/views/", { user: u, body }),
  get: (u: U, id: string) => call(h(viewRoute.GET), "GET", `/api/v1/support/views/${id}/`, { user: u, params: { id } }),
  patch: (u: U, id: string, body: unknown) => call(h(viewRoute.PATCH), "PATCH", `/api/v1/support/views/${id}/`, { user: u, body, params: { id } }),
  del: (u: U, id: string) => call(h(viewRoute.DELETE), "DELETE", `/api/v1/support/views/${id}/`, { user: u, params: { id } }),
};

async function created(u: U, body: Record<string, unknown>) {
  const r = await views.create(u, body);
  expect(r.status, r.text).toBe(201);
  return r.json as Record<string, any>;
}

/** Two agents in one team, one agent in another, one admin in the first team, one customer. */
async function cast() {
  const prisma = await db();
  const [red, blue] = await Promise.all([
    prisma.team.create({ data: { name: `Red ${Date.now()}-${Math.random()}` } }),
    prisma.team.create({ data: { name: `Blue ${Date.now()}-${Math.random()}` } }),
  ]);
  const inTeam = async (teamId: string, role: "customer_service" | "admin") => {
    const u = await makeUser({ role });
    await prisma.user.update({ where: { id: u.id }, data: { teamId } });
    return u;
  };
  return {
    agent: await inTeam(red.id, "customer_service"),
    teammate: await inTeam(red.id, "customer_service"),
    outsider: await inTeam(blue.id, "customer_service"),
    admin: await inTeam(red.id, "admin"),
    loner: await makeUser({ role: "customer_service" }),
    customer: await makeUser(),
    red,
  };
}

const names = (r: { json: any }) => r.json.results.map((v: any) => v.name);

describe("saved views", () => {
  it("are created from a queue query string, normalized, read back, renamed and deleted", async () => {
    const { agent } = await cast();
    const v = await created(agent, { name: "  VIP new ", query: "?status=new&tags=vip&ordering=sla_due_at&cursor=abc&junk=1&priority=" });
    expect(v).toMatchObject({ name: "VIP new", query: "status=new&tags=vip&ordering=sla_due_at", shared: false, team: null, position: 0, owner: agent.id, can_edit: true });
    expect((await views.get(agent, v.id)).json).toEqual(v);
    const renamed = await views.patch(agent, v.id, { name: "VIPs", query: "assigned_to=me" });
    expect(renamed.status, renamed.text).toBe(200);
    expect(renamed.json).toMatchObject({ name: "VIPs", query: "assigned_to=me" });
    const empty = await created(agent, { name: "Everything" });
    expect(empty).toMatchObject({ query: "", position: 1 });
    expect(names(await views.list(agent))).toEqual(["VIPs", "Everything"]);
    expect((await views.del(agent, v.id)).status).toBe(204);
    expect((await views.get(agent, v.id)).status).toBe(404);
    const after = await views.list(agent);
    expect(after.json.results.map((x: any) => [x.name, x.position])).toEqual([["Everything", 0]]);
  });

  it("refuses bad input with 400 per field, and customers with 403", async () => {
    const { agent, loner, customer } = await cast();
    const bad = await views.create(agent, { name: "", query: "status=nope&assigned_to=someone", shared: "maybe" });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.json).sort()).toEqual(["name", "query", "shared"]);
    expect(bad.json.query.join(" ")).toMatch(/status/);
    expect(bad.json.query.join(" ")).toMatch(/assigned_to/);
    const missing = await views.create(agent, { query: "status=new" });
    expect(missing.status).toBe(400);
    expect(Object.keys(missing.json)).toEqual(["name"]);
    const long = await views.create(agent, { name: "x".repeat(101) });
    expect(Object.keys(long.json)).toEqual(["name"]);
    const v = await created(agent, { name: "Mine" });
    for (const body of [{ position: -1 }, { position: "first" }, { name: "   " }, { query: 5 }]) {
      const r = await views.patch(agent, v.id, body);
      expect(r.status, JSON.stringify(body)).toBe(400);
    }
    // No team, nobody to share with: a clear 400, not a view shared with no one.
    const lonely = await views.create(loner, { name: "Shared", shared: true });
    expect(lonely.status).toBe(400);
    expect(Object.keys(lonely.json)).toEqual(["shared"]);
    expect((await views.create(customer, { name: "x" })).status).toBe(403);
    expect((await views.list(customer)).status).toBe(403);
    expect((await views.get(agent, "not-a-uuid")).status).toBe(404);
  });

  it("show personal views to their owner only and shared views to the owner's team", async () => {
    const { agent, teammate, outsider, admin, red } = await cast();
    const personal = await created(agent, { name: "Personal", query: "assigned_to=me" });
    const shared = await created(agent, { name: "Team urgent", query: "priority=urgent", shared: true });
    expect(shared).toMatchObject({ shared: true, team: red.id });

    expect(names(await views.list(agent))).toEqual(["Personal", "Team urgent"]);
    const mate = await views.list(teammate);
    expect(names(mate)).toEqual(["Team urgent"]);
    expect(mate.json.results[0].can_edit).toBe(false);
    expect(names(await views.list(outsider))).toEqual([]);

    // Another agent's personal view is a 404 for everyone else, admins included.
    for (const u of [teammate, outsider, admin]) {
      expect((await views.get(u, personal.id)).status).toBe(404);
      expect((await views.patch(u, personal.id, { name: "hijack" })).status).toBe(404);
      expect((await views.del(u, personal.id)).status).toBe(404);
    }
    // Another team's shared view too; a teammate sees the shared one but may not change it.
    expect((await views.get(outsider, shared.id)).status).toBe(404);
    expect((await views.get(teammate, shared.id)).status).toBe(200);
    expect((await views.patch(teammate, shared.id, { name: "mine now" })).status).toBe(403);
    expect((await views.del(teammate, shared.id)).status).toBe(403);
    // An admin of the team may tidy it.
    const tidied = await views.patch(admin, shared.id, { name: "Urgent (team)" });
    expect(tidied.status, tidied.text).toBe(200);
    expect(tidied.json).toMatchObject({ name: "Urgent (team)", owner: agent.id, can_edit: true });

    // Unsharing makes it personal again: gone from the teammate's list.
    expect((await views.patch(agent, shared.id, { shared: false })).json).toMatchObject({ shared: false, team: null });
    expect(names(await views.list(teammate))).toEqual([]);
  });

  it("reorder: a position moves the view within its owner's list and the others shift", async () => {
    const { agent } = await cast();
    const ids: string[] = [];
    for (const n of ["A", "B", "C", "D"]) ids.push((await created(agent, { name: n })).id);
    const order = async () => (await views.list(agent)).json.results.map((v: any) => `${v.name}${v.position}`).join(" ");
    expect(await order()).toBe("A0 B1 C2 D3");
    expect((await views.patch(agent, ids[3], { position: 0 })).json.position).toBe(0);
    expect(await order()).toBe("D0 A1 B2 C3");
    await views.patch(agent, ids[0], { position: 2 }); // A down by one step past B
    expect(await order()).toBe("D0 B1 A2 C3");
    await views.patch(agent, ids[1], { position: 99 }); // clamped to the end
    expect(await order()).toBe("D0 A1 C2 B3");
    await views.del(agent, ids[0]);
    expect(await order()).toBe("D0 C1 B2");
    // Created at a position: inserted there.
    await created(agent, { name: "E", position: 1 });
    expect(await order()).toBe("D0 E1 C2 B3");
    // Pages follow the order.
    const p1 = await views.list(agent, { page_size: "2" });
    expect(names(p1)).toEqual(["D", "E"]);
    expect(p1.json.next).toBeTruthy();
  });

  it("never answer a 500, whatever the body, id or query", async () => {
    const { agent, customer } = await cast();
    const made = await created(agent, { name: "Fuzz" });
    const nasty = fc.oneof(
      fc.string(),
      fc.constantFrom("", " ", "\u0000", "a\u0000b", "null", "-1", "1e309", "NaN", "00000000-0000-0000-0000-000000000000", "%", "x".repeat(5000), "\ud800",
        "status=new&ordering=nope", "tags=%ZZ", "?cursor=abc", "assigned_to=\u0000", "created_at_after=2025-02-30"),
    );
    const value = fc.oneof(nasty, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(nasty, { maxLength: 3 }));
    const body = fc.oneof(fc.dictionary(fc.constantFrom("name", "query", "shared", "position"), value, { maxKeys: 4 }), value);
    await fc.assert(fc.asyncProperty(body, fc.oneof(fc.constant(made.id as string), nasty), fc.dictionary(fc.constantFrom("cursor", "page_size"), nasty, { maxKeys: 2 }), fc.boolean(), async (b, id, q, asAgent) => {
      const who = asAgent ? agent : customer;
      for (const r of [await views.create(who, b), await views.list(who, q), await views.patch(who, id, b), await views.get(who, id)]) {
        expect(r.status, JSON.stringify({ b, id, q })).toBeLessThan(500);
      }
    }), { numRuns: 30 });
  });
});
