import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import * as tickets from "@/app/api/v1/support/tickets/route";
import * as messages from "@/app/api/v1/support/messages/route";
import { useTestDb } from "./support/db";
import { call } from "./support/http";
import { makeUser } from "./support/cast";

useTestDb();

describe("concurrency", () => {
  it("50 parallel posts from both sides keep unread counters, last_message_at and events exact", async () => {
    const customer = await makeUser();
    const agent = await makeUser({ role: "customer_service" });
    const created = await call(tickets.POST as any, "POST", "/api/v1/support/tickets/", {
      user: customer,
      body: { subject: "Parallel", initial_message: "first" },
    });
    expect(created.status).toBe(201);
    const id = created.json.id;

    // 25 customer replies, 15 agent replies, 10 internal notes, all at once.
    const posts = Array.from({ length: 50 }, (_, i) => {
      const side = i % 5 === 0 || i % 5 === 1 ? "note" : i % 2 === 0 ? "customer" : "agent";
      return { i, side };
    });
    const expected = {
      customer: posts.filter((p) => p.side === "customer").length,
      agent: posts.filter((p) => p.side === "agent").length,
      note: posts.filter((p) => p.side === "note").length,
    };
    const results = await Promise.all(
      posts.map((p) =>
        call(messages.POST as any, "POST", "/api/v1/support/messages/", {
          user: p.side === "customer" ? customer : agent,
          body: { ticket: id, body: `message ${p.i}`, is_internal: p.side === "note" },
        }),
      ),
    );
    for (const r of results) expect(r.status, JSON.stringify(r.json)).toBe(201);

    const prisma = await db();
    const t = await prisma.ticket.findUniqueOrThrow({ where: { id } });
    // The initial message counts as one more customer message.
    expect(t.unreadByAgent).toBe(expected.customer + 1);
    expect(t.unreadByCustomer).toBe(expected.agent);
    expect(t.publicMessageCount).toBe(expected.customer + expected.agent + 1);
    expect(t.internalMessageCount).toBe(expected.note);
    const lastPublic = await prisma.message.aggregate({
      where: { ticketId: id, isInternal: false },
      _max: { createdAt: true },
    });
    expect(t.lastMessageAt.toISOString()).toBe(lastPublic._max.createdAt!.toISOString());
    const msgCount = await prisma.message.count({ where: { ticketId: id } });
    expect(msgCount).toBe(51);
    const events = await prisma.event.groupBy({ by: ["type"], where: { ticketId: id }, _count: { _all: true } });
    const byType = Object.fromEntries(events.map((e) => [e.type, e._count._all]));
    expect(byType.message_created).toBe(expected.customer + expected.agent + 1);
    expect(byType.internal_note_created).toBe(expected.note);
    expect(byType.ticket_created).toBe(1);
  });

  it("20 parallel ticket creations get distinct ticket numbers", async () => {
    const customer = await makeUser();
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        call(tickets.POST as any, "POST", "/api/v1/support/tickets/", {
          user: customer,
          body: { subject: `Parallel ${i}`, category: undefined },
        }),
      ),
    );
    for (const r of results) expect(r.status, JSON.stringify(r.json)).toBe(201);
    const numbers = results.map((r) => r.json.ticket_number as string);
    expect(new Set(numbers).size).toBe(20);
    for (const n of numbers) expect(n).toMatch(/^T-\d{8}-\d{4}$/);
  });
});
