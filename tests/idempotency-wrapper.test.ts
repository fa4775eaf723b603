import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { api, json } from "@/lib/api/handler";
import { idempotent } from "@/lib/api/idempotency";
import { db } from "@/lib/db/client";
import { makeUser, type TestUser } from "./support/cast";
import { useTestDb } from "./support/db";

useTestDb();

/*
 * The wrapper's own rules, around handlers whose outcome the test decides (a real database,
 * a real claim table; only the work inside is a stand-in): which answers are kept, and what a
 * retry sees while the first request still runs.
 */

let user: TestUser;
beforeAll(async () => {
  user = await makeUser();
});

let n = 0;
const newKey = () => `wrap-${Date.now()}-${++n}`;

function request(key: string, body: unknown = { a: 1 }) {
  return new NextRequest("http://localhost:3000/api/v1/test/", {
    method: "POST",
    headers: { authorization: `Bearer ${user.token}`, "content-type": "application/json", "idempotency-key": key },
    body: JSON.stringify(body),
  });
}
const ctx = { params: Promise.resolve({}) };

/** A handler answering with the given statuses in turn, counting its runs. */
function scripted(statuses: number[], opts: { waitMs?: number; gate?: Promise<void> } = {}) {
  let runs = 0;
  const handler = api(
    idempotent(async () => {
      const status = statuses[Math.min(runs, statuses.length - 1)];
      runs++;
      await opts.gate;
      if (status === 500) throw new Error("boom (expected in this test)");
      return json({ run: runs }, { status });
    }, { waitMs: opts.waitMs }),
  );
  return { handler, runs: () => runs };
}

describe("idempotent() wrapper", () => {
  it("does not keep a 5xx: the retry runs and its answer is kept", async () => {
    const s = scripted([500, 201]);
    const key = newKey();
    expect((await s.handler(request(key), ctx)).status).toBe(500);
    const retry = await s.handler(request(key), ctx);
    expect(retry.status).toBe(201);
    expect(retry.headers.get("idempotent-replayed")).toBeNull();
    const third = await s.handler(request(key), ctx);
    expect(third.headers.get("idempotent-replayed")).toBe("true");
    expect(await third.json()).toEqual({ run: 2 });
    expect(s.runs()).toBe(2);
  });

  it("does not keep 409 or 429 (they ask for a retry), but keeps other 4xx", async () => {
    for (const status of [409, 429]) {
      const s = scripted([status, 200]);
      const key = newKey();
      expect((await s.handler(request(key), ctx)).status).toBe(status);
      expect((await s.handler(request(key), ctx)).status).toBe(200);
      expect(s.runs()).toBe(2);
    }
    const s = scripted([403, 200]);
    const key = newKey();
    expect((await s.handler(request(key), ctx)).status).toBe(403);
    const again = await s.handler(request(key), ctx);
    expect(again.status).toBe(403);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(s.runs()).toBe(1);
  });

  it("makes a retry wait for the running first request, then replays its answer", async () => {
    let open!: () => void;
    const gate = new Promise<void>((r) => (open = r));
    const s = scripted([201], { gate, waitMs: 10_000 });
    const key = newKey();
    const first = s.handler(request(key), ctx);
    await new Promise((r) => setTimeout(r, 200));
    const second = s.handler(request(key), ctx);
    await new Promise((r) => setTimeout(r, 200));
    open();
    const [a, b] = await Promise.all([first, second]);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(b.headers.get("idempotent-replayed")).toBe("true");
    expect(s.runs()).toBe(1);
  });

  it("answers 409 with Retry-After when the first request is still running after the wait", async () => {
    let open!: () => void;
    const gate = new Promise<void>((r) => (open = r));
    const s = scripted([201], { gate, waitMs: 300 });
    const key = newKey();
    const first = s.handler(request(key), ctx);
    await new Promise((r) => setTimeout(r, 100));
    const busy = await s.handler(request(key), ctx);
    expect(busy.status).toBe(409);
    expect(busy.headers.get("retry-after")).toBe("1");
    expect((await busy.json()).detail).toMatch(/still being processed/);
    // A different body is refused at once, even while the first runs.
    expect((await s.handler(request(key, { a: 2 }), ctx)).status).toBe(422);
    open();
    expect((await first).status).toBe(201);
    expect(s.runs()).toBe(1);
    const prisma = await db();
    const row = await prisma.idempotencyKey.findFirstOrThrow({ where: { userId: user.id, key } });
    expect(row.state).toBe("completed");
    expect(row.responseStatus).toBe(201);
  });
});
