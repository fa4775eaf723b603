import { afterAll, afterEach, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import * as streamRoute from "@/app/api/v1/support/stream/route";
import pg from "pg";
import { db } from "@/lib/db/client";
import { withTransaction } from "@/lib/db/transaction";
import { emit } from "@/lib/domain/events/domain-events";
import { pruneLog } from "@/lib/realtime/log";
import { stopRealtime } from "@/lib/realtime/hub";
import { useTestDb } from "./support/db";
import { makeUser } from "./support/cast";
import { supportApi } from "./support/api";
import { newTicket, postMessage } from "./support/fixtures";
import { handler } from "./support/http";
import { callStream, expectIncreasingIds, openSse, type SseClient } from "./support/sse";

useTestDb();
afterAll(() => stopRealtime()); // the listener goes before the database closes

const open: SseClient[] = [];
afterEach(async () => {
  for (const c of open.splice(0)) await c.close();
  delete process.env.REALTIME_QUEUE_LIMIT_BYTES;
});
async function sse(...args: Parameters<typeof openSse>) {
  const c = await openSse(...args);
  open.push(c);
  return c;
}

describe("GET /api/v1/support/stream/", () => {
  it("refuses anonymous clients and bad filters like every endpoint", async () => {
    const anon = await callStream({});
    expect(anon.status).toBe(401);
    const c = await makeUser();
    const bad = await callStream({ user: c, query: { ticket: "nope" } });
    expect(bad.status).toBe(400);
    expect(bad.json.ticket[0]).toMatch(/valid UUID/);
    const who = await callStream({ user: c, query: { assigned_to: "someone" } });
    expect(who.status).toBe(400);
  });

  it("streams created, updated, message and read events to an agent, with proxy-safe headers", async () => {
    const agent = await makeUser({ role: "customer_service" });
    const customer = await makeUser();
    const s = await sse(agent);
    expect(s.status).toBe(200);
    expect(s.headers.get("content-type")).toMatch(/^text\/event-stream/);
    expect(s.headers.get("cache-control")).toMatch(/no-cache/);
    expect(s.headers.get("x-accel-buffering")).toBe("no");

    const t = await newTicket(customer);
    await s.waitFor((e) => e.event === "ticket.created" && e.data.ticket === t.id);
    const note = await postMessage(agent, t.id, "internal only", true);
    const m = await s.waitFor((e) => e.event === "message.created" && e.data.message === note.json.id);
    expect(m.data.is_internal).toBe(true);
    expect(m.data.author_side).toBe("agent");
    const reply = await postMessage(customer, t.id, "any news?");
    const fromCustomer = await s.waitFor((e) => e.event === "message.created" && e.data.message === reply.json.id);
    expect(fromCustomer.data).toEqual({ ticket: t.id, message: reply.json.id, is_internal: false, author_side: "customer" });
    const p = await supportApi.patchTicket(agent, t.id, { priority: "high", subject: "Late order" });
    expect(p.status).toBe(200);
    const u = await s.waitFor((e) => e.event === "ticket.updated");
    expect(u.data).toMatchObject({ ticket: t.id, version: p.json.version ?? u.data.version });
    expect([...u.data.fields].sort()).toEqual(["priority", "subject"]);
    expect(u.data.version).toBeGreaterThan(1);
    await supportApi.markRead(agent, t.id);
    const r = await s.waitFor((e) => e.event === "ticket.read");
    expect(r.data).toEqual({ ticket: t.id, side: "agent" });
    expectIncreasingIds(s.events);
  });

  it("narrows the stream with ticket= and assigned_to=me", async () => {
    const agent = await makeUser({ role: "customer_service" });
    const customer = await makeUser();
    const t1 = await newTicket(customer);
    const t2 = await newTicket(customer);
    const one = await sse(agent, { query: { ticket: t1.id } });
    const mine = await sse(agent, { query: { assigned_to: "me" } });
    await postMessage(customer, t2.id, "on the other ticket");
    await supportApi.patchTicket(agent, t2.id, { assigned_to: agent.id });
    await postMessage(customer, t2.id, "now assigned");
    const last = await postMessage(customer, t1.id, "on ticket one");
    await one.waitFor((e) => e.data.message === last.json.id);
    await mine.waitFor((e) => e.event === "message.created");
    expect(one.events.every((e) => e.data.ticket === t1.id)).toBe(true);
    expect(mine.events.every((e) => e.data.ticket === t2.id)).toBe(true);
  });

  it("replays after Last-Event-ID, and says resync when the point is unknown or pruned", async () => {
    const customer = await makeUser();
    const t = await newTicket(customer);
    const first = await sse(customer);
    const m = await postMessage(customer, t.id, "one");
    const seen = await first.waitFor((e) => e.data.message === m.json.id);
    await first.close();
    const m2 = await postMessage(customer, t.id, "two");

    const resumed = await sse(customer, { lastEventId: seen.id! });
    const again = await resumed.waitFor((e) => e.event === "message.created");
    expect(again.data.message).toBe(m2.json.id);
    expect(again.data.author_side).toBe("customer");

    const bogus = await sse(customer, { lastEventId: "not-an-id" });
    const r1 = await bogus.waitFor(() => true);
    expect(r1.event).toBe("resync");

    await pruneLog(0); // keeps only the newest row: the customer's point is gone
    const old = await sse(customer, { lastEventId: seen.id! });
    const r2 = await old.waitFor(() => true);
    expect(r2.event).toBe("resync");
    expect(BigInt(r2.id!) >= BigInt(again.id!)).toBe(true);
  });

  it("drops a client that does not read instead of buffering for it", async () => {
    process.env.REALTIME_QUEUE_LIMIT_BYTES = "2048";
    const agent = await makeUser({ role: "customer_service" });
    const customer = await makeUser();
    const t = await newTicket(customer);
    const req = new NextRequest("http://localhost:3000/api/v1/support/stream/", { headers: { authorization: `Bearer ${agent.token}` } });
    const res = await handler(streamRoute.GET)(req, { params: Promise.resolve({}) });
    const watcher = await sse(agent, { query: { ticket: t.id } });
    let last: string | undefined;
    for (let i = 0; i < 30; i++) last = (await postMessage(customer, t.id, `message ${i} `.repeat(5))).json.id;
    await watcher.waitFor((e) => e.data.message === last);
    // The reader gets what was queued before the drop, then an error, never all 30 messages.
    const reader = res.body!.getReader();
    let received = "";
    const dec = new TextDecoder();
    await expect(
      (async () => {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) return;
          received += dec.decode(value);
        }
      })(),
    ).rejects.toThrow(/not reading/);
    expect(received.split("event: message.created").length - 1).toBeLessThan(30);
  });

  it("tells streams only of committed changes", async () => {
    const agent = await makeUser({ role: "customer_service" });
    const customer = await makeUser();
    const t = await newTicket(customer);
    const s = await sse(agent, { query: { ticket: t.id } });
    const prisma = await db();
    await expect(
      withTransaction(prisma, async (tx) => {
        await emit(tx, { type: "ticket.read", actor: agent, ticketId: t.id, side: "agent", at: new Date() });
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    const m = await postMessage(customer, t.id, "committed");
    await s.waitFor((e) => e.data.message === m.json.id);
    expect(s.events.map((e) => e.event)).toEqual(["message.created"]);
  });

  const pgUrl = process.env.TEST_DATABASE_URL?.trim();
  if (pgUrl) {
    it("on PostgreSQL, a dropped listening connection reconnects and tells streams to resync", async () => {
      const agent = await makeUser({ role: "customer_service" });
      const customer = await makeUser();
      const s = await sse(agent);
      await newTicket(customer);
      await s.waitFor((e) => e.event === "ticket.created");
      const admin = new pg.Client({ connectionString: pgUrl });
      await admin.connect();
      try {
        const killed = await admin.query(
          "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'caseflow-realtime' AND datname = current_database()",
        );
        expect(killed.rowCount).toBeGreaterThan(0);
      } finally {
        await admin.end();
      }
      const r = await s.waitFor((e) => e.event === "resync", 15_000);
      // Live again after the reconnect.
      const t = await newTicket(customer);
      await s.waitFor((e) => e.event === "ticket.created" && e.data.ticket === t.id, 5000, s.events.indexOf(r));
    });
  }

  it("closes open streams on shutdown", async () => {
    const agent = await makeUser({ role: "customer_service" });
    const s = await sse(agent);
    await s.waitFor(() => true, 500).catch(() => undefined);
    await stopRealtime();
    const deadline = Date.now() + 2000;
    while (!s.ended && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    expect(s.ended).toBe(true);
  });
});
