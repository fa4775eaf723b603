import { beforeEach, describe, expect, it } from "vitest";
import { mailConfig } from "@/lib/notifications/config";
import type { MailTransport, SendResult } from "@/lib/notifications/transports";
import { drainOutbox } from "@/lib/notifications/worker";
import { makeUser } from "./support/cast";
import { useTestDb } from "./support/db";
import { captureTransport } from "./support/capture-transport";
import { clearOutbox, openTicket, outbox } from "./support/fixtures";

// Leases: mail claimed by an instance that died is taken over once its lease runs out, and sent
// exactly once; a live worker renews its lease while a send is in flight, so it keeps its mail.
useTestDb();
beforeEach(clearOutbox);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const withLease = (leaseMs: number) => ({ ...mailConfig(), leaseMs });

/** A provider call that never answers until the test says so (a hung instance's send). */
function hangingTransport() {
  const keys: string[] = [];
  let answer!: (r: SendResult) => void;
  let fail!: (e: Error) => void;
  let started!: () => void;
  const reply = new Promise<SendResult>((resolve, reject) => ((answer = resolve), (fail = reject)));
  const inFlight = new Promise<void>((r) => (started = r));
  const transport: MailTransport = {
    name: "hanging",
    async send(_mail, { idempotencyKey }) {
      keys.push(idempotencyKey);
      started();
      return reply;
    },
  };
  return {
    transport,
    keys,
    inFlight,
    answer: (providerId: string) => answer({ providerId }),
    fail: (e: Error) => fail(e),
  };
}

/** Drains as an app instance's worker does (every 50 ms here) until `done`, for at most 90 s. */
async function pollUntil(done: () => boolean, drain: () => Promise<unknown>) {
  const giveUp = Date.now() + 90_000;
  while (!done() && Date.now() < giveUp) {
    await drain();
    await sleep(50);
  }
}

describe("notifications: leases", () => {
  it("mail held by a crashed worker is sent by another one after the lease ran out, exactly once", async () => {
    await openTicket(await makeUser());
    const [row] = await outbox();
    const config = withLease(300);

    const hung = hangingTransport();
    const crash = new AbortController();
    const crashed = drainOutbox({ transport: hung.transport, config, signal: crash.signal });
    await hung.inFlight;
    crash.abort(); // the instance dies mid-send: its heartbeat stops with it
    const { lockedUntil } = (await outbox())[0];
    expect(lockedUntil).not.toBeNull();

    const live = captureTransport();
    let sentAt = 0;
    await pollUntil(() => live.sent.length > 0, async () => {
      await drainOutbox({ transport: live, config });
      if (live.sent.length && !sentAt) sentAt = Date.now();
    });
    expect(live.sent).toHaveLength(1);
    expect(live.calls()).toBe(1);
    expect(sentAt).toBeGreaterThanOrEqual(lockedUntil!.getTime());
    // Both sends carried the notification id, so the provider would have answered the second
    // with the first (had the hung one reached it): still one email.
    expect(hung.keys).toEqual([row.id]);
    expect(live.sent[0].key).toBe(row.id);
    const [done] = await outbox();
    expect(done).toMatchObject({ status: "sent", attempts: 2, providerId: "cap-1", lockedUntil: null });

    // The hung send finally returns: that worker no longer owns the row and changes nothing.
    hung.answer("late-provider-id");
    expect(await crashed).toEqual({ sent: 0, retried: 0, dead: 0, lost: 1 });
    expect((await outbox())[0]).toMatchObject({ status: "sent", attempts: 2, providerId: "cap-1" });
    await drainOutbox({ transport: live, config });
    expect(live.calls()).toBe(1);
  });

  it("a live worker keeps its lease while a send takes longer than the lease", async () => {
    await openTicket(await makeUser());
    const config = withLease(2_000);
    const slow = captureTransport({ delayMs: 5_000 });
    let started!: () => void;
    const inFlight = new Promise<void>((r) => (started = r));
    const transport: MailTransport = { name: "slow", send: (mail, o) => (started(), slow.send(mail, o)) };
    let finished = false;
    const first = drainOutbox({ transport, config }).finally(() => (finished = true));
    await inFlight; // the mail is claimed and its send has begun; from here on, others poll for it
    const other = captureTransport();
    await pollUntil(() => finished, () => drainOutbox({ transport: other, config }));
    expect(await first).toEqual({ sent: 1, retried: 0, dead: 0 });
    expect(other.calls()).toBe(0);
    expect(slow.calls()).toBe(1);
    expect((await outbox())[0]).toMatchObject({ status: "sent", attempts: 1 });
  });

  it.each(["succeeds", "fails"] as const)(
    "a send that %s after its worker lost the lease changes nothing while the new owner sends",
    async (outcome) => {
      await openTicket(await makeUser());
      const [row] = await outbox();
      const stale = hangingTransport();
      const crash = new AbortController();
      const staleDrain = drainOutbox({ transport: stale.transport, config: withLease(300), signal: crash.signal });
      await stale.inFlight;
      crash.abort();

      // The new owner (a long lease, so it surely keeps the row meanwhile) is in the middle of its send.
      const owner = hangingTransport();
      let ownerDrain: Promise<unknown> | undefined;
      await pollUntil(() => owner.keys.length > 0, async () => {
        const d = drainOutbox({ transport: owner.transport, config: withLease(60_000) });
        const first = await Promise.race([d.then(() => "empty" as const), owner.inFlight.then(() => "claimed" as const)]);
        if (first === "claimed") ownerDrain = d;
      });
      expect(owner.keys).toEqual([row.id]);
      const held = (await outbox())[0];
      expect(held).toMatchObject({ status: "pending", attempts: 2 });

      if (outcome === "succeeds") stale.answer("stale-provider-id");
      else stale.fail(new Error("socket hang up"));
      expect(await staleDrain).toEqual({ sent: 0, retried: 0, dead: 0, lost: 1 });
      // Not marked sent, failed or released: the row is still the new owner's.
      expect((await outbox())[0]).toMatchObject({
        status: "pending", attempts: 2, providerId: null, lastError: null, lockedUntil: held.lockedUntil,
      });
      const third = captureTransport();
      await drainOutbox({ transport: third, config: withLease(300) });
      expect(third.calls()).toBe(0);

      owner.answer("owner-provider-id");
      expect(await ownerDrain).toEqual({ sent: 1, retried: 0, dead: 0 });
      expect((await outbox())[0]).toMatchObject({ status: "sent", attempts: 2, providerId: "owner-provider-id" });
    },
  );
});
