import { beforeAll, describe, expect, it } from "vitest";
import { encode } from "next-auth/jwt";
import * as tokensRoute from "@/app/api/v1/auth/tokens/route";
import * as tokenRoute from "@/app/api/v1/auth/tokens/[id]/route";
import { db } from "@/lib/db/client";
import { hashToken } from "@/lib/domain/auth/one-time-tokens";
import { makeCast, makeUser, type Cast, type TestUser } from "./support/cast";
import { useTestDb } from "./support/db";
import { crmApi, supportApi } from "./support/api";
import { call, handler } from "./support/http";
import { rateLimitSubject } from "@/lib/api/rate-limit";
import { NextRequest } from "next/server";

useTestDb();

const NOT_VALID = { detail: "Given token not valid for any token type" };
type U = { token: string };

const createToken = (user: U, body: unknown) => call(handler(tokensRoute.POST), "POST", "/api/v1/auth/tokens/", { user, body });
const listTokens = (user: U, query: Record<string, string> = {}) => call(handler(tokensRoute.GET), "GET", "/api/v1/auth/tokens/", { user, query });
const revoke = (user: U, id: string) => call(handler(tokenRoute.DELETE), "DELETE", `/api/v1/auth/tokens/${id}/`, { user, params: { id } });

/** A fresh personal token of the user, as the API hands it out once. */
async function newToken(user: TestUser, body: Record<string, unknown> = { name: "CI" }) {
  const r = await createToken(user, body);
  expect(r.status, JSON.stringify(r.json)).toBe(201);
  return { id: r.json.id as string, as: { token: r.json.token as string }, body: r.json };
}

let cast: Cast;
beforeAll(async () => {
  cast = await makeCast();
});

describe("personal API tokens", () => {
  it("work on a support API route and a CRM API route with the owner's rights, shown once, stored hashed", async () => {
    const { agent, customer } = cast;
    const mine = await supportApi.createTicket(customer, { subject: "Token owner's ticket", description: "hello" });
    expect(mine.status).toBe(201);
    const t = await newToken(customer, { name: "my script" });
    expect(t.as.token).toMatch(/^cf_[0-9A-Za-z]{43}$/);
    expect(t.body).toMatchObject({ name: "my script", prefix: t.as.token.slice(0, 9), expires_at: null, last_used_at: null, revoked_at: null });
    expect(t.body.user).toEqual({ id: customer.id, email: customer.email, name: customer.name });

    // Support API: the customer's own tickets only (the owner's rights, not more).
    const list = await supportApi.listTickets(t.as);
    expect(list.status).toBe(200);
    expect(list.json.results.map((x: { id: string }) => x.id)).toEqual([mine.json.id]);
    // CRM API: the same ticket, and a write.
    const crm = await crmApi.get(t.as, mine.json.id);
    expect(crm.status).toBe(200);
    const comment = await crmApi.comment(t.as, mine.json.id, { text: "via token" });
    expect(comment.status).toBe(200);
    // Only the owner's rights: a ticket the customer takes no part in does not exist for the token.
    const agentTicket = await supportApi.createTicket(agent, { subject: "someone else's", description: "x" });
    expect((await crmApi.get(t.as, agentTicket.json.id)).status).toBe(404);

    // Stored as SHA-256 only; never listed with the secret.
    const prisma = await db();
    const row = await prisma.apiToken.findUniqueOrThrow({ where: { id: t.id } });
    expect(row.tokenHash).toBe(hashToken(t.as.token));
    expect(JSON.stringify(row)).not.toContain(t.as.token);
    expect(row.lastUsedAt).not.toBeNull();
    const listed = await listTokens(customer);
    expect(listed.status).toBe(200);
    expect(listed.json.results.map((x: { id: string }) => x.id)).toContain(t.id);
    expect(listed.text).not.toContain(t.as.token);
    expect(listed.json.results[0]).not.toHaveProperty("token");
  });

  it("stop after revocation and after expiry; an inactive owner's tokens are 401", async () => {
    const owner = await makeUser({ role: "customer_service" });
    const a = await newToken(owner);
    expect((await supportApi.listTickets(a.as)).status).toBe(200);
    expect((await revoke(owner, a.id)).status).toBe(204);
    const after = await supportApi.listTickets(a.as);
    expect(after.status).toBe(401);
    expect(after.json).toEqual(NOT_VALID);
    expect((await crmApi.list(a.as)).status).toBe(401);
    expect((await revoke(owner, a.id)).status).toBe(404); // already revoked

    // Expiry: a token made to expire soon works until then, not after.
    const soon = new Date(Date.now() + 60_000).toISOString();
    const b = await newToken(owner, { name: "short", expires_at: soon });
    expect(b.body.expires_at).toBe(soon);
    expect((await crmApi.list(b.as)).status).toBe(200);
    const prisma = await db();
    await prisma.apiToken.update({ where: { id: b.id }, data: { expiresAt: new Date(Date.now() - 1000) } }); // time passes
    expect((await crmApi.list(b.as)).status).toBe(401);
    expect((await supportApi.listTickets(b.as)).json).toEqual(NOT_VALID);

    // A deactivated owner: every token stops at once.
    const c = await newToken(owner);
    await prisma.user.update({ where: { id: owner.id }, data: { isActive: false } });
    expect((await supportApi.listTickets(c.as)).status).toBe(401);
    expect((await crmApi.list(c.as)).status).toBe(401);
  });

  it("refuse unknown and malformed cf_ tokens with 401", async () => {
    for (const token of ["cf_" + "A".repeat(43), "cf_short", "cf_" + "!".repeat(43)]) {
      const r = await supportApi.listTickets({ token });
      expect(r.status).toBe(401);
      expect(r.json).toEqual(NOT_VALID);
    }
  });

  it("validate the body and refuse an expiry in the past", async () => {
    const u = await makeUser();
    expect((await createToken(u, {})).json).toEqual({ name: ["This field is required."] });
    expect((await createToken(u, { name: "  " })).json).toEqual({ name: ["This field may not be blank."] });
    const past = await createToken(u, { name: "x", expires_at: "2020-01-01T00:00:00Z" });
    expect(past.status).toBe(400);
    expect(past.json).toEqual({ expires_at: ["The expiry must be in the future."] });
    expect((await createToken(u, { name: "x", expires_at: "tomorrow" })).status).toBe(400);
  });

  it("can only be created by a password sign-in (JWT or session), not by another personal token", async () => {
    const u = await makeUser();
    const t = await newToken(u);
    const r = await createToken(t.as, { name: "child" });
    expect(r.status).toBe(403);
    expect(r.json.detail).toMatch(/sign in with your password/);
    // A browser session can.
    const cookie = await encode({ token: { sub: u.id, authAt: Date.now() }, secret: process.env.AUTH_SECRET! });
    const viaSession = await call(handler(tokensRoute.POST), "POST", "/api/v1/auth/tokens/", {
      body: { name: "from the profile page" },
      headers: { cookie: `next-auth.session-token=${cookie}`, origin: "http://localhost:3000" },
    });
    expect(viaSession.status, JSON.stringify(viaSession.json)).toBe(201);
    // A token can still list and revoke (its owner's tokens).
    expect((await listTokens(t.as)).status).toBe(200);
    expect((await revoke(t.as, viaSession.json.id)).status).toBe(204);
  });

  it("admins list and revoke anyone's tokens; others cannot", async () => {
    const { admin, agent } = cast;
    const owner = await makeUser();
    const other = await makeUser();
    const t = await newToken(owner, { name: "owner's" });

    const one = await listTokens(admin, { user: owner.id });
    expect(one.status).toBe(200);
    expect(one.json.results.map((x: { id: string }) => x.id)).toEqual([t.id]);
    const all = await listTokens(admin, { user: "all" });
    expect(all.json.results.map((x: { id: string }) => x.id)).toContain(t.id);

    // Not admins: another user's list is 403, their token a 404 to revoke.
    expect((await listTokens(other, { user: owner.id })).status).toBe(403);
    expect((await listTokens(agent, { user: "all" })).status).toBe(403);
    expect((await listTokens(other, { user: "nope" })).status).toBe(400);
    expect((await revoke(other, t.id)).status).toBe(404);
    expect((await revoke(agent, t.id)).status).toBe(404);
    expect((await supportApi.listTickets(t.as)).status).toBe(200);
    // The user's own list never shows others' tokens.
    expect((await listTokens(other)).json.results).toEqual([]);

    expect((await revoke(admin, t.id)).status).toBe(204);
    expect((await supportApi.listTickets(t.as)).status).toBe(401);
    // Both the creation and the admin's revocation are in the audit log.
    const prisma = await db();
    const audit = await prisma.auditLog.findMany({ where: { targetType: "api_token", targetId: t.id }, orderBy: { createdAt: "asc" } });
    expect(audit.map((a) => [a.action, a.actorId])).toEqual([["api_token.created", owner.id], ["api_token.revoked", admin.id]]);
    expect(audit[1].summary).toContain(owner.email);
    expect((await listTokens(owner)).json.results).toEqual([]);
  });

  it("stamp last_used_at at most once a minute, with one conditional UPDATE", async () => {
    const u = await makeUser();
    const t = await newToken(u);
    const prisma = await db();
    await supportApi.listTickets(t.as);
    const first = (await prisma.apiToken.findUniqueOrThrow({ where: { id: t.id } })).lastUsedAt!;
    await supportApi.listTickets(t.as);
    expect((await prisma.apiToken.findUniqueOrThrow({ where: { id: t.id } })).lastUsedAt).toEqual(first);
    // A minute later it moves again.
    const earlier = new Date(first.getTime() - 61_000);
    await prisma.apiToken.update({ where: { id: t.id }, data: { lastUsedAt: earlier } });
    await supportApi.listTickets(t.as);
    expect((await prisma.apiToken.findUniqueOrThrow({ where: { id: t.id } })).lastUsedAt!.getTime()).toBeGreaterThan(earlier.getTime());
  });

  it("key rate limits by the token's owner", async () => {
    const u = await makeUser();
    const t = await newToken(u);
    const req = new NextRequest("http://localhost:3000/api/v1/support/tickets/", { headers: { authorization: `Bearer ${t.as.token}` } });
    expect((await rateLimitSubject(req)).userId).toBe(u.id);
    const bad = new NextRequest("http://localhost:3000/api/v1/support/tickets/", { headers: { authorization: `Bearer cf_${"B".repeat(43)}` } });
    expect((await rateLimitSubject(bad)).userId).toBeNull();
  });
});
