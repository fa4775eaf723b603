import { afterAll, describe, expect, it } from "vitest";
import { stopRealtime } from "@/lib/realtime/hub";
import { useTestDb } from "./support/db";
import { makeUser } from "./support/cast";
import { crmApi, crmAttachments, crmComments } from "./support/api";
import { newTicket, pngFile, postMessage } from "./support/fixtures";
import { expectIncreasingIds, openSse, type SseEvent } from "./support/sse";

useTestDb();
afterAll(() => stopRealtime());

const pick = (events: SseEvent[], type: string, key: string, id: string) => events.filter((e) => e.event === type && e.data[key] === id);

// Every change a page shows is streamed, so pages need no polling while the stream is live:
// message edits and deletions, notes made public or hidden, attachments, deleted tickets.
describe("the stream carries every change a page shows", () => {
  it("edits, deletions, attachments and deleted tickets, each in the customer's own terms", async () => {
    const customer = await makeUser();
    const other = await makeUser();
    const agent = await makeUser({ role: "customer_service" });
    const admin = await makeUser({ role: "admin", isStaff: true });
    const mine = await openSse(customer);
    const theirs = await openSse(other);
    const agents = await openSse(agent);
    try {
      const t = await newTicket(customer);
      const reply = (await postMessage(agent, t.id, "We are on it")).json.id as string;
      const note = (await postMessage(agent, t.id, "internal: check the courier", true)).json.id as string;
      const laterPublic = (await postMessage(agent, t.id, "draft answer", true)).json.id as string;
      const laterHidden = (await postMessage(agent, t.id, "oops, wrong ticket")).json.id as string;

      expect((await crmComments.patch(agent, reply, { text: "We are on it, sorry for the wait" })).status).toBe(200);
      expect((await crmComments.patch(agent, note, { text: "internal: courier says Tuesday" })).status).toBe(200);
      expect((await crmComments.patch(agent, laterPublic, { is_internal: false })).status).toBe(200);
      expect((await crmComments.patch(agent, laterHidden, { is_internal: true })).status).toBe(200);
      expect((await crmComments.del(agent, note)).status).toBe(204);
      expect((await crmComments.del(agent, reply)).status).toBe(204);
      const up = await crmAttachments.upload(customer, { ticket: t.id, file: pngFile() });
      expect(up.status).toBe(201);
      const attachment = up.json.id as string;
      expect((await crmAttachments.del(customer, attachment)).status).toBe(204);
      expect((await crmApi.del(admin, t.id)).status).toBe(204);
      // A sentinel per customer: the log is ordered, so once it arrives everything before it has.
      const last = await newTicket(customer);
      const lastOther = await newTicket(other);
      await mine.waitFor((e) => e.event === "ticket.created" && e.data.ticket === last.id);
      await theirs.waitFor((e) => e.event === "ticket.created" && e.data.ticket === lastOther.id);
      await agents.waitFor((e) => e.event === "ticket.created" && e.data.ticket === lastOther.id);

      const c = mine.events;
      expectIncreasingIds(c);
      // The public reply's edit and deletion reach the customer.
      expect(pick(c, "message.updated", "message", reply)).toEqual([
        expect.objectContaining({ data: { ticket: t.id, message: reply, fields: ["text"] } }),
      ]);
      expect(pick(c, "message.deleted", "message", reply)).toHaveLength(1);
      // Nothing at all about the note: not its creation, edit or deletion.
      expect(c.filter((e) => e.data.message === note)).toEqual([]);
      // A note made public arrives as a new reply; a reply made a note leaves, as a deletion.
      expect(c.filter((e) => e.data.message === laterPublic).map((e) => e.event)).toEqual(["message.created"]);
      expect(c.filter((e) => e.data.message === laterHidden).map((e) => e.event)).toEqual(["message.created", "message.deleted"]);
      expect(pick(c, "attachment.created", "attachment", attachment)).toHaveLength(1);
      expect(pick(c, "attachment.deleted", "attachment", attachment)).toHaveLength(1);
      expect(c.filter((e) => e.event === "ticket.deleted").map((e) => e.data)).toEqual([{ ticket: t.id }]);
      for (const e of c) expect(e.data).not.toHaveProperty("is_internal");

      // The other customer hears nothing of it, the deletion included.
      expect(theirs.events.filter((e) => e.data.ticket === t.id)).toEqual([]);

      // Agents see every change, notes included, with the note flag.
      const a = agents.events;
      expect(pick(a, "message.updated", "message", note)).toEqual([
        expect.objectContaining({ data: { ticket: t.id, message: note, fields: ["text"], is_internal: true } }),
      ]);
      expect(pick(a, "message.deleted", "message", note)).toHaveLength(1);
      expect(pick(a, "message.updated", "message", laterPublic)[0].data).toMatchObject({ fields: ["is_internal"], is_internal: false });
      expect(pick(a, "message.updated", "message", laterHidden)[0].data).toMatchObject({ fields: ["is_internal"], is_internal: true });
      expect(pick(a, "ticket.deleted", "ticket", t.id)).toHaveLength(1);
    } finally {
      for (const s of [mine, theirs, agents]) await s.close();
    }
  });

  it("a stream narrowed to assigned_to=me still hears that its ticket was deleted", async () => {
    const customer = await makeUser();
    const agent = await makeUser({ role: "customer_service" });
    const admin = await makeUser({ role: "admin", isStaff: true });
    const t = await newTicket(customer);
    expect((await crmApi.assign(admin, t.id, { user_id: agent.id })).status).toBe(200);
    const s = await openSse(agent, { query: { assigned_to: "me" } });
    try {
      expect((await crmApi.del(admin, t.id)).status).toBe(204);
      const e = await s.waitFor((e) => e.event === "ticket.deleted");
      expect(e.data).toEqual({ ticket: t.id });
    } finally {
      await s.close();
    }
  });
});
