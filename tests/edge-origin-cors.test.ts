import { NextRequest } from "next/server";
import { unstable_doesMiddlewareMatch } from "next/experimental/testing/server";
import { encode } from "next-auth/jwt";
import { beforeAll, describe, expect, it } from "vitest";
import { config as proxyConfig, proxy } from "@/proxy";
import { db } from "@/lib/db/client";
import { makeUser, type TestUser } from "./support/cast";
import { useTestDb } from "./support/db";
import { call } from "./support/http";
import { supportRoutes as routes } from "./support/api";
import * as tokenRoute from "@/app/api/v1/auth/token/route";
import { withEnv } from "./support/env-override";

useTestDb();

const h = (f: unknown) => f as Parameters<typeof call>[0];
const APP = "http://localhost:3000"; // the origin tests/helpers.ts `call` requests
const FRONTEND = "https://frontend.example.com";
let customer: TestUser;
let cookie: string;

beforeAll(async () => {
  customer = await makeUser();
  // The browser's session cookie, made the way next-auth makes it.
  const session = await encode({ token: { sub: customer.id, email: customer.email }, secret: process.env.AUTH_SECRET! });
  cookie = `next-auth.session-token=${session}`;
});

const createTicket = (headers: Record<string, string>, user: TestUser | null = null) =>
  call(h(routes.ticketsRoute.POST), "POST", "/api/v1/support/tickets/", {
    user,
    headers,
    body: { subject: "Cross-origin test", initial_message: "Hello" },
  });
const ticketCount = async () => (await db()).ticket.count({ where: { userId: customer.id } });

describe("cookie-authenticated writes must come from our own origin", () => {
  it("refuses a cross-origin POST made with the session cookie, and writes nothing", async () => {
    const before = await ticketCount();
    const r = await createTicket({ cookie, origin: "https://evil.example" });
    expect(r.status).toBe(403);
    expect(r.json).toEqual({ detail: "CSRF Failed: Origin checking failed - https://evil.example does not match any trusted origins." });
    for (const origin of ["null", "http://localhost:3001", "https://localhost:3000.evil.example"]) {
      expect((await createTicket({ cookie, origin })).status, origin).toBe(403);
    }
    expect((await createTicket({ cookie })).json).toEqual({ detail: "CSRF Failed: Origin checking failed - no Origin header." });
    const patch = await call(h(routes.ticketRoute.PATCH), "PATCH", "/api/v1/support/tickets/00000000-0000-0000-0000-000000000000/", {
      headers: { cookie, origin: "https://evil.example" },
      body: { priority: "low" },
      params: { id: "00000000-0000-0000-0000-000000000000" },
    });
    expect(patch.status).toBe(403);
    expect(await ticketCount()).toBe(before);
  });

  it("accepts the same request from our own pages, and the cross-origin one with a Bearer token", async () => {
    expect((await createTicket({ cookie, origin: APP })).status).toBe(201);
    expect((await createTicket({ cookie, "sec-fetch-site": "same-origin" })).status).toBe(201);
    // Behind a proxy the app sees an internal Host; the public one arrives as X-Forwarded-Host.
    expect((await createTicket({ cookie, origin: "https://help.example.com", host: "app:3000", "x-forwarded-host": "help.example.com" })).status).toBe(201);
    // Another site cannot make a browser attach our token, so Bearer requests are exempt.
    expect((await createTicket({ origin: "https://evil.example" }, customer)).status).toBe(201);
    // Reads are not checked.
    const read = await call(h(routes.ticketsRoute.GET), "GET", "/api/v1/support/tickets/", { headers: { cookie, origin: "https://evil.example" } });
    expect(read.status).toBe(200);
  });

  it("does not apply to the token endpoint, which authenticates by its body", async () => {
    const r = await call(h(tokenRoute.POST), "POST", "/api/v1/auth/token/", {
      headers: { cookie },
      body: { email: customer.email, password: customer.password },
    });
    expect(r.status, r.text).toBe(200);
    expect(r.json.access).toBeTruthy();
  });

  it("accepts origins listed in CORS_ALLOWED_ORIGINS", async () => {
    await withEnv({ CORS_ALLOWED_ORIGINS: `https://other.example.com, ${FRONTEND}` }, async () => {
      expect((await createTicket({ cookie, origin: FRONTEND })).status).toBe(201);
      expect((await createTicket({ cookie, origin: "https://evil.example" })).status).toBe(403);
    });
  });
});

describe("CORS (proxy.ts)", () => {
  const preflight = (origin: string, path = "/api/v1/support/tickets/") =>
    proxy(new NextRequest(`${APP}${path}`, {
      method: "OPTIONS",
      headers: { origin, "access-control-request-method": "PATCH", "access-control-request-headers": "authorization, if-match" },
    }));
  const corsHeaders = (res: Response) => [...res.headers.keys()].filter((k) => k.startsWith("access-control-"));

  it("runs on every /api/v1 path that a request with an Origin asks for, and nowhere else", () => {
    const headers = { origin: FRONTEND };
    for (const url of ["/api/v1/support/tickets/", "/api/v1/tickets/1/assign/", "/api/v1/no-such-thing/"]) {
      expect(unstable_doesMiddlewareMatch({ config: proxyConfig, url, headers }), url).toBe(true);
      // No Origin: not a CORS request, nothing for the proxy to add.
      expect(unstable_doesMiddlewareMatch({ config: proxyConfig, url, headers: {} }), url).toBe(false);
    }
    for (const url of ["/agent/", "/api/auth/session", "/signin/"]) {
      expect(unstable_doesMiddlewareMatch({ config: proxyConfig, url, headers }), url).toBe(false);
    }
  });

  it("still says Vary: Origin on API responses to requests without an Origin (which skip the proxy)", async () => {
    const read = await call(h(routes.ticketsRoute.GET), "GET", "/api/v1/support/tickets/", { user: customer });
    expect(read.status).toBe(200);
    expect(read.headers.get("vary")).toMatch(/\bOrigin\b/);
    const refused = await call(h(routes.ticketsRoute.GET), "GET", "/api/v1/support/tickets/", {});
    expect(refused.status).toBe(401);
    expect(refused.headers.get("vary")).toMatch(/\bOrigin\b/);
  });

  it("answers a preflight from a listed origin with what the API accepts", async () => {
    await withEnv({ CORS_ALLOWED_ORIGINS: FRONTEND, CORS_PREFLIGHT_MAX_AGE: undefined }, async () => {
      const res = preflight(FRONTEND, "/api/v1/tickets/42/assign/");
      expect(res.status).toBe(204);
      expect(res.headers.get("access-control-allow-origin")).toBe(FRONTEND);
      expect(res.headers.get("access-control-allow-credentials")).toBe("true");
      expect(res.headers.get("access-control-allow-methods")).toBe("GET, POST, PUT, PATCH, DELETE, OPTIONS");
      expect(res.headers.get("access-control-allow-headers")).toBe(
        "Authorization, Content-Type, If-Match, If-Unmodified-Since, Idempotency-Key, Last-Event-ID",
      );
      expect(res.headers.get("access-control-max-age")).toBe("86400");
      expect(res.headers.get("vary")).toMatch(/Origin/);
    });
  });

  it("gives an unlisted origin no CORS headers at all", async () => {
    await withEnv({ CORS_ALLOWED_ORIGINS: FRONTEND }, async () => {
      for (const origin of ["https://evil.example", "https://frontend.example.com.evil.example", "null", `${FRONTEND}/`]) {
        const res = preflight(origin);
        expect(corsHeaders(res), origin).toEqual([]);
      }
      const actual = proxy(new NextRequest(`${APP}/api/v1/support/tickets/`, { headers: { origin: "https://evil.example" } }));
      expect(corsHeaders(actual)).toEqual([]);
    });
    // Nothing configured: nobody gets CORS headers.
    await withEnv({ CORS_ALLOWED_ORIGINS: undefined }, async () => {
      expect(corsHeaders(preflight(FRONTEND))).toEqual([]);
    });
  });

  it("lets a listed origin read the API's headers on actual responses", async () => {
    await withEnv({ CORS_ALLOWED_ORIGINS: FRONTEND }, async () => {
      const res = proxy(new NextRequest(`${APP}/api/v1/support/tickets/`, { headers: { origin: FRONTEND } }));
      expect(res.headers.get("x-middleware-next")).toBe("1"); // the request goes on to the route
      expect(res.headers.get("access-control-allow-origin")).toBe(FRONTEND);
      expect(res.headers.get("access-control-allow-credentials")).toBe("true");
      expect(res.headers.get("access-control-expose-headers")).toBe(
        "ETag, Last-Modified, RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset, Retry-After, Idempotent-Replayed",
      );
      expect(res.headers.get("vary")).toMatch(/Origin/);
    });
  });
});
