import { afterAll, describe, expect, it } from "vitest";
import { ApiRateLimiter, rateLimitConfig } from "@/lib/api/rate-limit";
import { closeRateLimitRedis } from "@/lib/api/rate-limit-store";
import { db } from "@/lib/db/client";
import { makeUser } from "./support/cast";
import { useTestDb } from "./support/db";
import { call } from "./support/http";
import { supportApi as api, supportRoutes as routes } from "./support/api";
import { newTicket } from "./support/fixtures";
import { withEnv } from "./support/env-override";
import { clientAddress } from "@/lib/api/client-address";

useTestDb();
afterAll(() => closeRateLimitRedis());

const THROTTLED = /^Request was throttled\. Expected available in (\d+) seconds\.$/;
const via = (address: string) => ({ "x-forwarded-for": address });
const listTickets = (user: { token: string } | null, headers: Record<string, string>) =>
  call(routes.ticketsRoute.GET as Parameters<typeof call>[0], "GET", "/api/v1/support/tickets/", { user, headers });
let n = 0;
/** A fresh documentation-range address per test, so tests never share a counter. */
const nextAddress = () => `198.51.100.${++n}`;

describe("API rate limits", () => {
  it("put RateLimit-Limit / -Remaining / -Reset on every response, counting down", async () => {
    const u = await makeUser();
    await withEnv({ RATE_LIMIT_REQUESTS_USER: "50" }, async () => {
      const first = await api.listTickets(u);
      const second = await api.listTickets(u);
      expect(first.status).toBe(200);
      expect(first.headers.get("ratelimit-limit")).toBe("50");
      expect(first.headers.get("ratelimit-remaining")).toBe("49");
      expect(second.headers.get("ratelimit-remaining")).toBe("48");
      const reset = Number(second.headers.get("ratelimit-reset"));
      expect(reset).toBeGreaterThan(0);
      expect(reset).toBeLessThanOrEqual(600); // the default window is ten minutes
      // Errors carry them too.
      const missing = await api.getTicket(u, "00000000-0000-0000-0000-000000000000");
      expect(missing.status).toBe(404);
      expect(missing.headers.get("ratelimit-remaining")).toBe("47");
    });
  });

  it("answer 429 with DRF's throttled body and Retry-After past the limit, per user", async () => {
    const u = await makeUser();
    const other = await makeUser();
    await withEnv({ RATE_LIMIT_REQUESTS_USER: "3", RATE_LIMIT_WINDOW_SECONDS: "120" }, async () => {
      for (let i = 0; i < 3; i++) expect((await api.listTickets(u)).status).toBe(200);
      const r = await api.listTickets(u);
      expect(r.status).toBe(429);
      const m = THROTTLED.exec(r.json.detail);
      expect(m, r.json.detail).not.toBeNull();
      expect(r.headers.get("retry-after")).toBe(m![1]);
      expect(Number(m![1])).toBeGreaterThan(60);
      expect(Number(m![1])).toBeLessThanOrEqual(120);
      expect(r.headers.get("ratelimit-remaining")).toBe("0");
      // Another user has a counter of their own.
      expect((await api.listTickets(other)).status).toBe(200);
    });
  });

  it("give writes and uploads their own lower limits", async () => {
    const u = await makeUser();
    const t = await newTicket(u);
    await withEnv({ RATE_LIMIT_WRITES_USER: "3", RATE_LIMIT_UPLOADS_USER: "1" }, async () => {
      const form = () => {
        const f = new FormData();
        f.set("ticket", t.id);
        f.set("body", "see attached");
        f.append("files", new File([new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d])], "a.pdf", { type: "application/pdf" }));
        return f;
      };
      const upload = await api.postMessageForm(u, form());
      expect(upload.status, JSON.stringify(upload.json)).toBe(201);
      expect((await api.postMessageForm(u, form())).status).toBe(429);
      // The upload limit leaves plain writes alone: the refused upload still counted as a write.
      expect((await api.postMessage(u, { ticket: t.id, body: "one" })).status).toBe(201);
      const blocked = await api.postMessage(u, { ticket: t.id, body: "two" });
      expect(blocked.status).toBe(429);
      expect(blocked.json.detail).toMatch(THROTTLED);
      // Reads are not writes.
      expect((await api.listMessages(u, { ticket: t.id })).status).toBe(200);
    });
  });

  it("count per client address behind a trusted proxy; a spoofed X-Forwarded-For does not evade it", async () => {
    const proxySaw = nextAddress();
    await withEnv({ TRUST_PROXY_HOPS: "1", RATE_LIMIT_REQUESTS_ADDRESS: "3" }, async () => {
      // Different users and anonymous requests from one address: the client puts a new
      // address at the left each time, our proxy appends the one it saw.
      for (let i = 0; i < 3; i++) {
        const who = i === 2 ? null : await makeUser();
        const r = await listTickets(who, { "x-forwarded-for": `10.0.${i}.1, 192.0.2.${i}, ${proxySaw}` });
        expect(r.status).toBe(who ? 200 : 401);
        expect(r.headers.get("ratelimit-limit")).toBe("3");
      }
      const spoofed = await listTickets(await makeUser(), { "x-forwarded-for": `203.0.113.99, ${proxySaw}` });
      expect(spoofed.status).toBe(429);
      expect(spoofed.json.detail).toMatch(THROTTLED);
      // Another address is not affected.
      expect((await listTickets(await makeUser(), via(nextAddress()))).status).toBe(200);
    });
    // Without a trusted proxy the header is the client's word only and is ignored: rotating
    // it cannot buy fresh per-address counters (there is no per-address counter to rotate).
    await withEnv({ TRUST_PROXY_HOPS: undefined, RATE_LIMIT_REQUESTS_ADDRESS: "1", RATE_LIMIT_REQUESTS_USER: "2" }, async () => {
      const u = await makeUser();
      expect((await listTickets(u, via(nextAddress()))).status).toBe(200);
      expect((await listTickets(u, via(nextAddress()))).status).toBe(200);
      expect((await listTickets(u, via(nextAddress()))).status).toBe(429);
    });
  });
});

describe("client address", () => {
  const h = (xff?: string) => new Headers(xff === undefined ? {} : { "x-forwarded-for": xff });
  it("takes the Nth entry from the right for N trusted proxies, never the client's left-most entry", () => {
    expect(clientAddress(h("1.1.1.1"), 0)).toBeNull();
    expect(clientAddress(h(), 1)).toBeNull();
    expect(clientAddress(h("6.6.6.6, 203.0.113.7"), 1)).toBe("203.0.113.7");
    expect(clientAddress(h("6.6.6.6, 203.0.113.7, 10.0.0.2"), 2)).toBe("203.0.113.7");
    // Fewer entries than proxies: the request came in through an inner proxy.
    expect(clientAddress(h("203.0.113.7"), 2)).toBe("203.0.113.7");
    expect(clientAddress(h("6.6.6.6, [2001:DB8::1]:443"), 1)).toBe("2001:db8::1");
    expect(clientAddress(h("6.6.6.6, 203.0.113.7:5123"), 1)).toBe("203.0.113.7");
    expect(clientAddress(h("6.6.6.6, ::ffff:203.0.113.7"), 1)).toBe("203.0.113.7");
    expect(clientAddress(h("6.6.6.6, not-an-address"), 1)).toBeNull();
    // next-auth hands its callbacks a plain header record.
    expect(clientAddress({ "x-forwarded-for": "6.6.6.6, 203.0.113.8" }, 1)).toBe("203.0.113.8");
  });
});

describe("shared rate-limit stores", () => {
  async function sharedBetweenInstances(store: string, extra: Record<string, string> = {}) {
    const u = await makeUser();
    return withEnv({ RATE_LIMIT_STORE: store, RATE_LIMIT_REQUESTS_USER: "4", ...extra }, async () => {
      // This process's limiter (the one every route uses) takes three requests...
      for (let i = 0; i < 3; i++) expect((await api.listTickets(u)).status).toBe(200);
      // ...and a second app instance, with limiter objects of its own, sees them.
      const other = new ApiRateLimiter(rateLimitConfig());
      const fourth = await other.check({ userId: u.id, address: null, categories: ["requests"] });
      const fifth = await other.check({ userId: u.id, address: null, categories: ["requests"] });
      const back = await api.listTickets(u);
      return { userId: u.id, fourth, fifth, back };
    });
  }

  it("postgres: two instances on one database share a limit", async () => {
    const { userId, fourth, fifth, back } = await sharedBetweenInstances("postgres");
    expect(fourth).toEqual({ headers: expect.objectContaining({ "RateLimit-Remaining": "0" }), retryAfterSeconds: null });
    expect(fifth.retryAfterSeconds).toBeGreaterThan(0);
    expect(back.status).toBe(429);
    // One row per key, counted in the database by both instances.
    const prisma = await db();
    const rows = await prisma.$queryRaw<{ points: number }[]>`SELECT points FROM rate_limits WHERE key = ${`cf:requests:user:${userId}`}`;
    expect(rows).toEqual([{ points: 6 }]);
  });

  it("memory: each instance counts on its own (the default for a single instance)", async () => {
    const { fourth, fifth, back } = await sharedBetweenInstances("memory");
    expect(fourth.headers["RateLimit-Remaining"]).toBe("3");
    expect(fifth.retryAfterSeconds).toBeNull();
    expect(back.status).toBe(200);
  });

  const redisUrl = process.env.TEST_REDIS_URL?.trim();
  if (redisUrl) {
    it("redis: two instances on one Redis share a limit", async () => {
      const { fourth, fifth, back } = await sharedBetweenInstances("redis", { REDIS_URL: redisUrl });
      expect(fourth.headers["RateLimit-Remaining"]).toBe("0");
      expect(fifth.retryAfterSeconds).toBeGreaterThan(0);
      expect(back.status).toBe(429);
    });
  }
});
