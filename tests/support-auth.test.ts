import { describe, expect, it } from "vitest";
import { SignJWT } from "jose";
import { encode } from "next-auth/jwt";
import * as tokenRoute from "@/app/api/v1/auth/token/route";
import * as refreshRoute from "@/app/api/v1/auth/token/refresh/route";
import { signToken } from "@/lib/auth/jwt";
import { db } from "@/lib/db/client";
import { useTestDb } from "./support/db";
import { call } from "./support/http";
import { makeUser } from "./support/cast";
import { supportApi } from "./support/api";

useTestDb();
const h = (f: unknown) => f as Parameters<typeof call>[0];
const obtain = (body: unknown, headers: Record<string, string> = {}) =>
  call(h(tokenRoute.POST), "POST", "/api/v1/auth/token/", { body, headers });

describe("authentication", () => {
  it("rejects requests without credentials with 401 and a DRF detail", async () => {
    const r = await supportApi.listTickets(null);
    expect(r.status).toBe(401);
    expect(r.json).toEqual({ detail: "Authentication credentials were not provided." });
    expect(r.headers.get("www-authenticate")).toMatch(/Bearer/);
  });

  it("rejects a bad, a forged, an expired and a refresh token used as access", async () => {
    const u = await makeUser();
    const bad = await supportApi.listTickets({ token: "not-a-jwt" });
    expect(bad.status).toBe(401);
    const forged = await new SignJWT({ typ: "access" })
      .setProtectedHeader({ alg: "HS256" }).setSubject(u.id).setIssuer("caseflow").setExpirationTime("1h")
      .sign(new TextEncoder().encode("some-other-secret-some-other-secret-xx"));
    expect((await supportApi.listTickets({ token: forged })).status).toBe(401);
    const expired = await new SignJWT({ typ: "access" })
      .setProtectedHeader({ alg: "HS256" }).setSubject(u.id).setIssuer("caseflow")
      .setIssuedAt(Math.floor(Date.now() / 1000) - 7200).setExpirationTime(Math.floor(Date.now() / 1000) - 3600)
      .sign(new TextEncoder().encode(process.env.AUTH_SECRET!));
    expect((await supportApi.listTickets({ token: expired })).status).toBe(401);
    const refresh = await signToken(u.id, "refresh");
    expect((await supportApi.listTickets({ token: refresh })).status).toBe(401);
    const malformed = await call(h((await import("@/app/api/v1/support/tickets/route")).GET), "GET", "/api/v1/support/tickets/", {
      headers: { authorization: "Basic Zm9vOmJhcg==" },
    });
    expect(malformed.status).toBe(401);
  });

  it("issues access and refresh tokens for valid credentials, and refreshes", async () => {
    const u = await makeUser({ password: "s3cret-password" });
    const r = await obtain({ email: u.email.toUpperCase(), password: "s3cret-password" });
    expect(r.status).toBe(200);
    expect(Object.keys(r.json).sort()).toEqual(["access", "refresh"]);
    expect((await supportApi.listTickets({ token: r.json.access })).status).toBe(200);

    const ref = await call(h(refreshRoute.POST), "POST", "/api/v1/auth/token/refresh/", { body: { refresh: r.json.refresh } });
    expect(ref.status).toBe(200);
    expect((await supportApi.listTickets({ token: ref.json.access })).status).toBe(200);
    // An access token is not a refresh token.
    const wrong = await call(h(refreshRoute.POST), "POST", "/api/v1/auth/token/refresh/", { body: { refresh: r.json.access } });
    expect(wrong.status).toBe(401);
    const missing = await call(h(refreshRoute.POST), "POST", "/api/v1/auth/token/refresh/", { body: {} });
    expect(missing.status).toBe(400);
    expect(missing.json.refresh).toEqual(["This field is required."]);
  });

  it("refuses a deactivated user's tokens", async () => {
    const u = await makeUser();
    const prisma = await db();
    await prisma.user.update({ where: { id: u.id }, data: { isActive: false } });
    expect((await supportApi.listTickets(u)).status).toBe(401);
  });

  it("validates the token request and rejects wrong passwords with 401", async () => {
    const u = await makeUser();
    const missing = await obtain({ email: u.email });
    expect(missing.status).toBe(400);
    expect(missing.json).toEqual({ password: ["This field is required."] });
    const wrong = await obtain({ email: u.email, password: "nope" }, { "x-forwarded-for": "10.9.9.1" });
    expect(wrong.status).toBe(401);
    expect(wrong.json.detail).toMatch(/credentials/);
  });

  it("throttles repeated failed sign-ins with 429 and Retry-After", async () => {
    const u = await makeUser({ password: "right-password" });
    const ip = { "x-forwarded-for": "203.0.113.7" };
    for (let i = 0; i < 5; i++) expect((await obtain({ email: u.email, password: `wrong${i}` }, ip)).status).toBe(401);
    const blocked = await obtain({ email: u.email, password: "right-password" }, ip);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(blocked.json.detail).toMatch(/throttled/);
  });

  it("accepts the browser's next-auth session cookie", async () => {
    const u = await makeUser();
    const cookie = await encode({ token: { sub: u.id, email: u.email }, secret: process.env.AUTH_SECRET! });
    const r = await call(h((await import("@/app/api/v1/support/tickets/route")).GET), "GET", "/api/v1/support/tickets/", {
      headers: { cookie: `next-auth.session-token=${cookie}` },
    });
    expect(r.status).toBe(200);
    const tampered = await call(h((await import("@/app/api/v1/support/tickets/route")).GET), "GET", "/api/v1/support/tickets/", {
      headers: { cookie: `next-auth.session-token=${cookie.slice(0, -4)}AAAA` },
    });
    expect(tampered.status).toBe(401);
  });
});
