import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import * as mergeRoute from "@/app/api/v1/support/tickets/[id]/merge/route";
import { renderNotification } from "@/lib/notifications/render-notification";
import { useTestDb } from "./support/db";
import { call, handler as h } from "./support/http";
import { crmApi, supportApi } from "./support/api";
import { makeCast, makeUser, type Cast, type TestUser } from "./support/cast";
import { clearOutbox, makeContact, newTicket, outbox, pngFile, postMessage } from "./support/fixtures";
import { agentReplyMail, eml, receive, setInboundEnv } from "./support/mail";

useTestDb();

const pgUrl = process.env.TEST_DATABASE_URL?.trim();

function merge(user: { token: string } | null, id: string, body: unknown, headers: Record<string, string> = {}) {
  return call(h(mergeRoute.POST), "POST", `/api/v1/support/tickets/${id}/merge/`, { user, body, headers, params: { id } });
}

async function eventsOf(user: TestUser, ticket: string) {
  const r = await supportApi.listEvents(user, { ticket });
  expect(r.status, r.text).toBe(200);
  return r.json.results as { type: string; data: Record<string, unknown> }[];
}

let cast: Cast;
beforeAll(async () => {
  cast = await makeCast();
});

/** A duplicate (replies, a note, a file, a watcher, tags) and the ticket it belongs to. */
async function duplicatePair(customer: TestUser = cast.customer) {
  const { agent } = cast;
  const target = await newTicket(customer, { subject: "Printer on fire", initial_message: "It is smoking." });
  await postMessage(agent, target.id, "On our way.");
  const source = await newTicket(customer, { subject: "Printer still on fire", initial_message: "Now there are flames." });
  await postMessage(agent, source.id, "Looking into it.");
  await postMessage(agent, source.id, "Checked the logs.", true);
  const form = new FormData();
  form.append("ticket", source.id);
  form.append("body", "A photo.");
  form.append("files", pngFile("flames.png"));
  expect((await supportApi.postMessageForm(customer, form)).status).toBe(201);
  expect((await supportApi.patchTicket(agent, source.id, { watchers: [cast.otherAgent.id], tags: ["hardware", "urgent-fix"] })).status).toBe(200);
  expect((await supportApi.patchTicket(agent, target.id, { watchers: [agent.id], tags: ["hardware"] })).status).toBe(200);
  return { source: (await supportApi.getTicket(agent, source.id)).json, target: (await supportApi.getTicket(agent, target.id)).json };
}

async function counts(id: string) {
  const prisma = await db();
  const t = await prisma.ticket.findUniqueOrThrow({ where: { id }, select: { publicMessageCount: true, internalMessageCount: true } });
  const rows = await prisma.message.groupBy({ by: ["isInternal"], where: { ticketId: id }, _count: { _all: true } });
  const n = (internal: boolean) => rows.find((r) => r.isInternal === internal)?._count._all ?? 0;
  return { public: t.publicMessageCount, internal: t.internalMessageCount, publicRows: n(false), internalRows: n(true) };
}

describe("POST /api/v1/support/tickets/{id}/merge/", () => {
  it("moves messages, attachments, watchers and tags, closes the source with merged_into, records both timelines", async () => {
    const { agent } = cast;
    const { source, target } = await duplicatePair();
    const before = { s: await counts(source.id), t: await counts(target.id) };
    const prisma = await db();
    const files = await prisma.attachment.count({ where: { ticketId: source.id } });
    expect(files).toBe(1);
    await clearOutbox();

    const r = await merge(agent, source.id, { target: target.id });
    expect(r.status, r.text).toBe(200);
    expect(Object.keys(r.json).sort()).toEqual(["source", "target"]);
    expect(r.json.source).toMatchObject({ id: source.id, status: "closed", merged_into: target.id, watchers: [], tags: [] });
    expect(r.json.source.closed_at).not.toBeNull();
    expect(r.json.target).toMatchObject({ id: target.id, merged_into: null, tags: ["hardware", "urgent-fix"] });
    expect(r.json.target.watchers.sort()).toEqual([agent.id, cast.otherAgent.id].sort());
    expect(r.headers.get("etag")).toBe(`"${source.id.slice(0, 8)}-v${(await prisma.ticket.findUniqueOrThrow({ where: { id: source.id } })).version}"`);

    // Nothing lost: the target holds the sum, counters agree with the rows.
    const after = { s: await counts(source.id), t: await counts(target.id) };
    expect(after.t.public).toBe(before.s.public + before.t.public);
    expect(after.t.internal).toBe(before.s.internal + before.t.internal);
    expect(after.t.publicRows).toBe(after.t.public);
    expect(after.t.internalRows).toBe(after.t.internal);
    expect(after.s).toEqual({ public: 0, internal: 0, publicRows: 0, internalRows: 0 });
    expect(await prisma.attachment.count({ where: { ticketId: target.id } })).toBe(files);
    const thread = await supportApi.listMessages(agent, { ticket: target.id, page_size: 100 });
    expect(thread.json.results.map((m: { body: string }) => m.body)).toEqual(
      expect.arrayContaining(["It is smoking.", "On our way.", "Now there are flames.", "Looking into it.", "Checked the logs.", "A photo."]),
    );
    expect(thread.json.results.find((m: { body: string }) => m.body === "A photo.").attachments[0].name).toBe("flames.png");
    // The customer can still download their file from the target.
    const fileId = thread.json.results.find((m: { body: string }) => m.body === "A photo.").attachments[0].id;
    expect((await supportApi.download(cast.customer, fileId)).status).toBe(200);

    // SLA clocks of the closed source stop.
    const src = await prisma.ticket.findUniqueOrThrow({ where: { id: source.id } });
    expect([src.slaDueAt, src.slaWarnAt, src.firstResponseDueAt, src.resolutionDueAt]).toEqual([null, null, null, null]);

    // Both timelines, and the source's status change (reason: merged).
    const se = await eventsOf(agent, source.id);
    expect(se.find((e) => e.data.action === "merged_into")?.data).toMatchObject({ ticket: target.id, number: target.ticket_number });
    expect(se.find((e) => e.type === "status_changed")?.data).toMatchObject({ to: "closed", reason: "merged" });
    const te = await eventsOf(agent, target.id);
    expect(te.find((e) => e.data.action === "merged_from")?.data).toMatchObject({ ticket: source.id, number: source.ticket_number, messages: 4, attachments: 1 });
    // The customer of both sees both entries (same customer: nothing to hide).
    expect((await eventsOf(cast.customer, target.id)).some((e) => e.data.action === "merged_from")).toBe(true);

    // Exactly one email, to the source's customer, and it is the merge email (no "closed" one).
    const mails = await outbox();
    expect(mails.map((m) => [m.toEmail, m.ticketId])).toEqual([[cast.customer.email, source.id]]);
    expect((mails[0].payload as { event: string }).event).toBe("merged");
    const rendered = await renderNotification(mails[0].kind, mails[0].payload);
    expect(rendered.subject).toBe(`Merged: Printer still on fire [${source.ticket_number}]`);
    expect(rendered.text).toContain(target.ticket_number);
    expect(rendered.text).toContain(`/portal/tickets/${target.id}/`);

    // Both APIs show the pointer.
    expect((await supportApi.getTicket(cast.customer, source.id)).json.merged_into).toBe(target.id);
    const crm = await crmApi.get(agent, source.id);
    expect(crm.status).toBe(200);
    expect(crm.json).toMatchObject({ merged_into: target.id, status: "closed" });
    expect((await crmApi.get(agent, target.id)).json.merged_into).toBeNull();
  });

  it("refuses merging into itself, a bad or unknown target, customers, and an already merged source or target", async () => {
    const { agent } = cast;
    const a = await newTicket(cast.customer, { subject: "A" });
    const b = await newTicket(cast.customer, { subject: "B" });
    const c = await newTicket(cast.customer, { subject: "C" });

    const self = await merge(agent, a.id, { target: a.id });
    expect(self.status).toBe(400);
    expect(self.json).toEqual({ target: ["A ticket cannot be merged into itself."] });
    expect((await merge(agent, a.id, { target: "nope" })).json).toEqual({ target: ['"nope" is not a valid UUID.'] });
    const ghost = "00000000-0000-4000-8000-000000000000";
    expect(await merge(agent, a.id, { target: ghost })).toMatchObject({ status: 400, json: { target: [`Invalid pk "${ghost}" - object does not exist.`] } });
    expect((await merge(agent, a.id, {})).json).toEqual({ target: ["This field is required."] });
    expect((await merge(agent, ghost, { target: a.id })).status).toBe(404);

    // Customers: their own ticket is 403, someone else's 404.
    expect((await merge(cast.customer, a.id, { target: b.id })).status).toBe(403);
    expect((await merge(cast.otherCustomer, a.id, { target: b.id })).status).toBe(404);
    expect((await merge(null, a.id, { target: b.id })).status).toBe(401);

    expect((await merge(agent, a.id, { target: b.id })).status).toBe(200);
    const again = await merge(agent, a.id, { target: c.id });
    expect(again.status).toBe(409);
    expect(again.json.detail).toMatch(/already merged/);
    const into = await merge(agent, c.id, { target: a.id });
    expect(into.status).toBe(409);
    expect(into.json.detail).toContain(b.ticket_number);
    // Nothing changed by the refusals.
    expect((await supportApi.getTicket(agent, c.id)).json).toMatchObject({ status: "new", merged_into: null });
  });

  it("checks If-Match on the source (412 when stale), and goes through with the current ETag", async () => {
    const { agent } = cast;
    const a = await newTicket(cast.customer, { subject: "Stale" });
    const b = await newTicket(cast.customer, { subject: "Fresh" });
    const seen = await supportApi.getTicket(agent, a.id);
    const etag = seen.headers.get("etag")!;
    expect((await supportApi.patchTicket(agent, a.id, { priority: "high" })).status).toBe(200);
    const stale = await merge(agent, a.id, { target: b.id }, { "if-match": etag });
    expect(stale.status).toBe(412);
    expect((await supportApi.getTicket(agent, a.id)).json.merged_into).toBeNull();
    const now = (await supportApi.getTicket(agent, a.id)).headers.get("etag")!;
    expect((await merge(agent, a.id, { target: b.id }, { "if-match": now })).status).toBe(200);
  });

  it("repoints tickets already merged into the source (one hop) and keeps counters exact", async () => {
    const { agent } = cast;
    const a = await newTicket(cast.customer, { subject: "First dup" });
    const b = await newTicket(cast.customer, { subject: "Second dup" });
    const c = await newTicket(cast.customer, { subject: "The one" });
    expect((await merge(agent, a.id, { target: b.id })).status).toBe(200);
    const r = await merge(agent, b.id, { target: c.id });
    expect(r.status, r.text).toBe(200);
    expect((await supportApi.getTicket(agent, a.id)).json.merged_into).toBe(c.id);
    expect((await supportApi.getTicket(agent, b.id)).json.merged_into).toBe(c.id);
    expect(await counts(c.id)).toMatchObject({ public: 3, publicRows: 3 });
  });

  it("hides the other ticket from a customer who is not on it: internal timeline entries, email links their own request", async () => {
    const { agent } = cast;
    const other = await makeUser({ name: "Olga Other" });
    const source = await newTicket(other, { subject: "Me too" });
    const target = await newTicket(cast.customer, { subject: "Original report" });
    await clearOutbox();
    expect((await merge(agent, source.id, { target: target.id })).status).toBe(200);
    expect((await eventsOf(other, source.id)).some((e) => e.data.action === "merged_into")).toBe(false);
    expect((await eventsOf(cast.customer, target.id)).some((e) => e.data.action === "merged_from")).toBe(false);
    expect((await eventsOf(agent, target.id)).some((e) => e.data.action === "merged_from")).toBe(true);
    const mails = await outbox();
    expect(mails.map((m) => m.toEmail)).toEqual([other.email]);
    const rendered = await renderNotification(mails[0].kind, mails[0].payload);
    expect(rendered.text).not.toContain(target.ticket_number);
    expect(rendered.text).toContain(`/portal/tickets/${source.id}/`);
  });

  it("mails a contact-only source's customer once as well", async () => {
    const contact = await makeContact("Carla Contact", null);
    const source = await newTicket(cast.agent, { subject: "By phone", contact: contact.id });
    const target = await newTicket(cast.agent, { subject: "Main", contact: contact.id });
    await clearOutbox();
    expect((await merge(cast.admin, source.id, { target: target.id })).status).toBe(200);
    expect((await outbox()).map((m) => m.toEmail)).toEqual([contact.email]);
  });

  it("A→B and B→A at the same time: one merges, the other is 409, no deadlock", async () => {
    const { agent } = cast;
    const prisma = await db();
    const deadlocks = async () => {
      if (!pgUrl) return 0;
      const [r] = await prisma.$queryRaw<{ n: bigint }[]>`SELECT deadlocks AS n FROM pg_stat_database WHERE datname = current_database()`;
      return Number(r.n);
    };
    const before = await deadlocks();
    for (let round = 0; round < 5; round++) {
      const a = await newTicket(cast.customer, { subject: `Race A${round}` });
      const b = await newTicket(cast.customer, { subject: `Race B${round}` });
      const [ab, ba] = await Promise.all([merge(agent, a.id, { target: b.id }), merge(agent, b.id, { target: a.id })]);
      expect([ab.status, ba.status].sort(), `${ab.text} ${ba.text}`).toEqual([200, 409]);
      const winner = ab.status === 200 ? { s: a, t: b } : { s: b, t: a };
      expect((await supportApi.getTicket(agent, winner.s.id)).json.merged_into).toBe(winner.t.id);
      expect((await supportApi.getTicket(agent, winner.t.id)).json.merged_into).toBeNull();
      expect(await counts(winner.t.id)).toMatchObject({ public: 2, publicRows: 2 });
    }
    if (pgUrl) {
      // Statistics reach pg_stat_database within a second of the transaction ending.
      await new Promise((r) => setTimeout(r, 1500));
      expect(await deadlocks()).toBe(before);
    }
  });
});

describe("after a merge", () => {
  it("writes stream events for both tickets and none that would mail a status change", async () => {
    const a = await newTicket(cast.customer, { subject: "Stream dup" });
    const b = await newTicket(cast.customer, { subject: "Stream main" });
    const prisma = await db();
    const since = (await prisma.realtimeEvent.aggregate({ _max: { seq: true } }))._max.seq ?? 0n;
    expect((await merge(cast.agent, a.id, { target: b.id })).status).toBe(200);
    const rows = await prisma.realtimeEvent.findMany({ where: { seq: { gt: since } }, orderBy: { seq: "asc" } });
    expect(rows.map((r) => [r.type, r.ticketId, (r.data as { fields?: string[] }).fields])).toEqual([
      ["ticket.updated", a.id, ["status", "merged_into"]],
      ["ticket.updated", b.id, ["merged_from"]],
    ]);
  });

  it("an emailed reply to the duplicate lands on the ticket it was merged into", async () => {
    setInboundEnv();
    const { customer, t, mail } = await agentReplyMail();
    const main = await newTicket(customer, { subject: "Main thread" });
    expect((await merge(cast.agent, t.id, { target: main.id })).status).toBe(200);
    const row = await receive(eml({ from: customer.email, to: mail.headers!["Reply-To"], text: "Any news?" }));
    expect(row).toMatchObject({ status: "processed", ticketId: main.id });
    expect((await supportApi.getTicket(cast.agent, t.id)).json).toMatchObject({ status: "closed", merged_into: main.id });
  });
});
