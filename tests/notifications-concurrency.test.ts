import { describe, expect, it } from "vitest";
import { drainOutbox } from "@/lib/notifications/worker";
import { useTestDb } from "./support/db";
import { makeUser } from "./support/cast";
import { clearOutbox, openTicket, outbox } from "./support/fixtures";
import { captureTransport } from "./support/capture-transport";

// Workers draining one outbox at once (on PostgreSQL: separate connections, as
// separate app instances would) send every message exactly once.
useTestDb();

describe("notifications: concurrent workers", () => {
  it.each([2, 4])("%i workers drain the same outbox; every message is sent once", async (workers) => {
    await clearOutbox();
    const customer = await makeUser();
    const N = 40;
    for (let i = 0; i < N; i++) await openTicket(customer, `Question ${i}`, `Body ${i}`);
    const rows = await outbox();
    expect(rows).toHaveLength(N);

    // One shared "provider" that counts raw sends per idempotency key; slow enough that the
    // workers' claims interleave.
    const transport = captureTransport({ delayMs: 5 });
    const results = await Promise.all(
      Array.from({ length: workers }, () => drainOutbox({ transport, batchSize: 3 })),
    );

    expect(results.reduce((n, r) => n + r.sent, 0)).toBe(N);
    expect(results.every((r) => r.retried === 0 && r.dead === 0)).toBe(true);
    expect(transport.calls()).toBe(N);
    expect(transport.keysSeen.size).toBe(N);
    expect([...transport.keysSeen.values()].every((n) => n === 1)).toBe(true);
    const after = await outbox();
    expect(after.every((r) => r.status === "sent" && r.attempts === 1)).toBe(true);
    // The work was actually shared (on a single-connection PGlite the interleaving is coarser).
    expect(results.filter((r) => r.sent > 0).length).toBeGreaterThanOrEqual(2);
  });
});
