import { describe, expect, it } from "vitest";
import { useTestDb } from "./support/db";
import { makeUser } from "./support/cast";
import { supportApi } from "./support/api";
import { newTicket, outbox, postMessage } from "./support/fixtures";
import { useQueryCounter } from "./support/query-count";

useTestDb();
const measure = useQueryCounter();

// Round trips of one message post, everything included: loading the caller, the transaction's
// BEGIN (which the query log does not show, hence + 1) and COMMIT, the outbox and the realtime
// log. They all run while the ticket's row is locked, so this is what bounds parallel posts.
const BUDGET = 8;

async function roundTrips(fn: () => Promise<{ status: number }>) {
  const r = await measure(fn);
  expect(r.result.status, r.statements.join("\n")).toBe(201);
  return { trips: r.count + 1, statements: r.statements };
}

describe("a message post stays within its round-trip budget", () => {
  it(`customer replies, agent replies with watchers and a team, notes, reopening replies: at most ${BUDGET} each`, async () => {
    const customer = await makeUser();
    const agent = await makeUser({ role: "customer_service" });
    const watcher = await makeUser({ role: "customer_service" });
    const admin = await makeUser({ role: "admin", isStaff: true });
    const t = await newTicket(customer);
    expect((await supportApi.patchTicket(admin, t.id, { watchers: [watcher.id, agent.id] })).status).toBe(200);

    const cases: [string, () => Promise<{ status: number }>][] = [
      ["customer reply (mails the watchers)", () => postMessage(customer, t.id, "Any news?")],
      ["agent reply (mails the customer)", () => postMessage(agent, t.id, "Shipped today.")],
      ["internal note", () => postMessage(agent, t.id, "internal: courier confirmed", true)],
    ];
    for (const [label, fn] of cases) {
      const { trips, statements } = await roundTrips(fn);
      expect(trips, `${label}:\n${statements.join("\n")}`).toBeLessThanOrEqual(BUDGET);
    }
    // The mails were written (the budget was not met by skipping the outbox).
    const mails = await outbox({ ticketId: t.id, kind: { in: ["customer_reply", "ticket_update"] } });
    expect(mails.map((m) => m.toEmail).sort()).toEqual([customer.email, agent.email, watcher.email].sort());
  });

  it("a customer's reply that reopens a resolved ticket is within the budget too, and records both events in order", async () => {
    const customer = await makeUser();
    const admin = await makeUser({ role: "admin", isStaff: true });
    const t = await newTicket(customer);
    expect((await supportApi.patchTicket(admin, t.id, { status: "resolved" })).status).toBe(200);
    const { trips, statements } = await roundTrips(() => postMessage(customer, t.id, "It broke again"));
    expect(trips, statements.join("\n")).toBeLessThanOrEqual(BUDGET);
    const ticket = (await supportApi.getTicket(admin, t.id)).json;
    expect(ticket.status).not.toBe("resolved");
    const events = (await supportApi.listEvents(admin, { ticket: t.id })).json.results as { type: string }[];
    const types = events.map((e) => e.type);
    // Newest first: the message after the status change it caused.
    const reopen = types.indexOf("status_changed");
    expect(reopen).toBeGreaterThan(types.indexOf("message_created"));
  });
});
