import { afterAll, describe, expect, it } from "vitest";
import { stopRealtime } from "@/lib/realtime/hub";
import { useTestDb } from "./support/db";
import { makeUser } from "./support/cast";
import { supportApi } from "./support/api";
import { newTicket, postMessage } from "./support/fixtures";
import { openSse } from "./support/sse";

useTestDb();
afterAll(() => stopRealtime());

describe("resuming a stream", () => {
  it("delivers exactly the changes made while disconnected, in order, once", async () => {
    const customer = await makeUser();
    const agent = await makeUser({ role: "customer_service" });
    const t = await newTicket(customer);
    const before = await openSse(customer);
    const hello = await postMessage(customer, t.id, "are you there?");
    const seen = await before.waitFor((e) => e.data.message === hello.json.id);
    await before.close();

    // Six changes the customer may see, and one (an internal note) it may not.
    const reply = await postMessage(agent, t.id, "yes, looking into it");
    await postMessage(agent, t.id, "internal: refund approved", true);
    await supportApi.patchTicket(agent, t.id, { priority: "urgent" });
    await supportApi.markRead(customer, t.id);
    const again = await postMessage(customer, t.id, "thanks!");
    await supportApi.patchTicket(agent, t.id, { subject: "Refund approved" });

    const after = await openSse(customer, { lastEventId: seen.id! });
    try {
      // A sixth, later change marks the end: everything before it has been delivered.
      const end = await supportApi.patchTicket(agent, t.id, { tags: ["refund"] });
      expect(end.status).toBe(200);
      await after.waitFor((e) => e.event === "ticket.updated" && e.data.fields.includes("tags"));
      const resumed = after.events.slice(0, -1);
      expect(resumed.map((e) => [e.event, e.data.message ?? e.data.fields ?? e.data.side])).toEqual([
        ["message.created", reply.json.id],
        // The agent's first reply took the unassigned ticket (AUTO_ASSIGN_ON_REPLY).
        ["ticket.updated", ["assigned_to", "status"]],
        ["ticket.updated", ["priority"]],
        ["ticket.read", "customer"],
        ["message.created", again.json.id],
        ["ticket.updated", ["subject"]],
      ]);
      const ids = resumed.map((e) => BigInt(e.id!));
      expect(ids[0] > BigInt(seen.id!)).toBe(true);
      expect(new Set(ids).size).toBe(6);
      expect([...ids].sort((a, b) => (a < b ? -1 : 1))).toEqual(ids);
    } finally {
      await after.close();
    }
  });
});
