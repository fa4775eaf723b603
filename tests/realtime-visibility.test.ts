import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { stopRealtime } from "@/lib/realtime/hub";
import { useTestDb } from "./support/db";
import { makeUser, type TestUser } from "./support/cast";
import { crmComments, supportApi } from "./support/api";
import { newTicket, postMessage } from "./support/fixtures";
import { expectIncreasingIds, openSse, type SseClient } from "./support/sse";

useTestDb();
afterAll(() => stopRealtime());

// One step of random activity; indexes pick among the cast and the tickets so far.
const step = fc.oneof(
  fc.record({ kind: fc.constant("open" as const), who: fc.nat(2) }),
  fc.record({ kind: fc.constant("reply" as const), who: fc.nat(4), ticket: fc.nat() }),
  fc.record({ kind: fc.constant("note" as const), who: fc.nat(1), ticket: fc.nat() }),
  fc.record({ kind: fc.constant("edit" as const), who: fc.nat(1), ticket: fc.nat(), ai: fc.boolean() }),
  fc.record({ kind: fc.constant("read" as const), who: fc.nat(4), ticket: fc.nat() }),
  // Edits and deletions of notes must stay as invisible to customers as the notes themselves.
  fc.record({ kind: fc.constant("touch-note" as const), note: fc.nat(), remove: fc.boolean() }),
);

describe("stream authorization", () => {
  it("never shows a customer another customer's ticket or anything about an internal note", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 4, maxLength: 14 }), async (steps) => {
        const customers = [await makeUser(), await makeUser(), await makeUser()];
        const agents = [await makeUser({ role: "customer_service" }), await makeUser({ role: "admin", isStaff: true })];
        const owner = new Map<string, TestUser>();
        const notes = new Set<string>();
        const removed = new Set<string>();
        const publicByTicket = new Map<string, string[]>();
        const streams = new Map<TestUser, SseClient>();
        for (const u of [...customers, ...agents]) streams.set(u, await openSse(u));
        try {
          const seed = await newTicket(customers[0]);
          owner.set(seed.id, customers[0]);
          for (const s of steps) {
            const tickets = [...owner.keys()];
            const tid = "ticket" in s ? tickets[s.ticket % tickets.length] : "";
            if (s.kind === "open") {
              const t = await newTicket(customers[s.who]);
              owner.set(t.id, customers[s.who]);
            } else if (s.kind === "note") {
              const r = await postMessage(agents[s.who], tid, "internal: customer is difficult", true);
              expect(r.status).toBe(201);
              notes.add(r.json.id);
            } else if (s.kind === "reply") {
              // Customers may only write on their own tickets; others get 404 and nothing streams.
              const who = s.who < 2 ? agents[s.who] : customers[s.who - 2];
              const r = await postMessage(who, tid, "a public reply");
              if (r.status === 201) publicByTicket.set(tid, [...(publicByTicket.get(tid) ?? []), r.json.id]);
            } else if (s.kind === "edit") {
              const body = s.ai ? { ai_summary: `summary ${Math.random()}` } : { priority: "high", subject: `subject ${Math.random()}` };
              await supportApi.patchTicket(agents[1], tid, body);
            } else if (s.kind === "touch-note") {
              const ids = [...notes].filter((id) => !removed.has(id));
              if (ids.length === 0) continue;
              const id = ids[s.note % ids.length];
              const r = s.remove ? await crmComments.del(agents[1], id) : await crmComments.patch(agents[1], id, { text: `internal: ${Math.random()}` });
              expect(r.status).toBeLessThan(300);
              if (s.remove) removed.add(id);
            } else {
              const who = s.who < 2 ? agents[s.who] : customers[s.who - 2];
              await supportApi.markRead(who, tid);
            }
          }
          // A last ticket per customer: once it arrives, everything before it has too (the log is ordered).
          for (const c of customers) {
            const last = await newTicket(c);
            owner.set(last.id, c);
            await streams.get(c)!.waitFor((e) => e.event === "ticket.created" && e.data.ticket === last.id);
          }
          for (const c of customers) {
            const got = streams.get(c)!.events;
            expectIncreasingIds(got);
            for (const e of got) {
              expect(owner.get(e.data.ticket), JSON.stringify(e)).toBe(c);
              expect(e.data).not.toHaveProperty("is_internal");
              if ("message" in e.data) expect(notes.has(e.data.message)).toBe(false);
              if (e.event === "ticket.read") expect(e.data.side).toBe("customer");
              if (e.event === "ticket.updated") expect(e.data.fields.some((f: string) => f.startsWith("ai_"))).toBe(false);
            }
            // ... and it did receive every public message on its own tickets.
            const messages = new Set(got.filter((e) => e.event === "message.created").map((e) => e.data.message));
            for (const [tid, ids] of publicByTicket) if (owner.get(tid) === c) for (const id of ids) expect(messages.has(id)).toBe(true);
          }
          // Agents see everything, internal notes included.
          const agentMessages = new Set(streams.get(agents[0])!.events.map((e) => e.data.message));
          for (const id of notes) expect(agentMessages.has(id)).toBe(true);
        } finally {
          for (const s of streams.values()) await s.close();
        }
      }),
      { numRuns: 6 },
    );
  });
});
