import { afterAll, afterEach, describe, expect, it } from "vitest";
import * as presenceRoute from "@/app/api/v1/support/tickets/[id]/presence/route";
import { stopRealtime } from "@/lib/realtime/hub";
import { useTestDb } from "./support/db";
import { makeUser } from "./support/cast";
import { call, handler } from "./support/http";
import { newTicket } from "./support/fixtures";
import { openSse, type SseClient } from "./support/sse";

useTestDb();
afterAll(() => stopRealtime());

const open: SseClient[] = [];
afterEach(async () => {
  for (const c of open.splice(0)) await c.close();
  delete process.env.REALTIME_PRESENCE_TTL_MS;
});
const beat = (user: { token: string }, id: string, body: unknown = {}) =>
  call(handler(presenceRoute.POST), "POST", `/api/v1/support/tickets/${id}/presence/`, { user, body, params: { id } });

describe("presence", () => {
  it("shows agents who else is on a ticket, typing included, until they leave", async () => {
    const a = await makeUser({ role: "customer_service", name: "Ann" });
    const b = await makeUser({ role: "customer_service", name: "Bob" });
    const customer = await makeUser();
    const t = await newTicket(customer);
    const sa = await openSse(a, { query: { ticket: t.id } });
    const sc = await openSse(customer);
    open.push(sa, sc);
    expect((await beat(b, t.id, { typing: true })).status).toBe(204);
    const seen = await sa.waitFor((e) => e.event === "presence");
    expect(seen.id).toBeNull(); // not resumable
    expect(seen.data).toEqual({ ticket: t.id, viewers: [{ user: b.id, name: "Bob", typing: true }] });
    // B's stream, opened later, starts with the current picture.
    expect((await beat(a, t.id)).status).toBe(204);
    const sb = await openSse(b, { query: { ticket: t.id } });
    open.push(sb);
    const first = await sb.waitFor((e) => e.event === "presence");
    expect(first.data.viewers.map((v: { name: string }) => v.name).sort()).toEqual(["Ann", "Bob"]);

    const n = sa.events.length;
    expect((await beat(b, t.id, { leaving: true })).status).toBe(204);
    const left = await sa.waitFor((e) => e.event === "presence", 5000, n);
    expect(left.data.viewers.map((v: { name: string }) => v.name)).toEqual(["Ann"]);
    expect(sc.events.some((e) => e.event === "presence")).toBe(false);
  });

  it("is for agents only, on tickets that exist, with a validated body", async () => {
    const customer = await makeUser();
    const agent = await makeUser({ role: "customer_service" });
    const t = await newTicket(customer);
    expect((await beat(customer, t.id)).status).toBe(403);
    expect((await beat(agent, "00000000-0000-4000-8000-000000000000")).status).toBe(404);
    const bad = await beat(agent, t.id, { typing: "yes" });
    expect(bad.status).toBe(400);
    expect(bad.json.typing).toBeDefined();
  });

  it("drops a viewer whose heartbeats stop", async () => {
    process.env.REALTIME_PRESENCE_TTL_MS = "300";
    const a = await makeUser({ role: "customer_service" });
    const b = await makeUser({ role: "customer_service", name: "Gone" });
    const t = await newTicket(await makeUser());
    const sa = await openSse(a, { query: { ticket: t.id } });
    open.push(sa);
    await beat(b, t.id);
    const n = (await sa.waitFor((e) => e.event === "presence" && e.data.viewers.length === 1), sa.events.length);
    const expired = await sa.waitFor((e) => e.event === "presence", 5000, n);
    expect(expired.data.viewers).toEqual([]);
  });

  it("honours an Idempotency-Key like every authenticated POST", async () => {
    const agent = await makeUser({ role: "customer_service" });
    const t = await newTicket(await makeUser());
    const send = (body: unknown) =>
      call(handler(presenceRoute.POST), "POST", `/api/v1/support/tickets/${t.id}/presence/`, {
        user: agent,
        body,
        params: { id: t.id },
        headers: { "Idempotency-Key": "presence-key-1" },
      });
    const first = await send({ typing: true });
    expect(first.status).toBe(204);
    expect(first.headers.get("idempotent-replayed")).toBeNull();
    const again = await send({ typing: true });
    expect(again.status).toBe(204);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect((await send({ typing: false })).status).toBe(422);
  });
});
