import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { useTestDb } from "./support/db";
import { makeUser } from "./support/cast";
import { supportApi } from "./support/api";
import { newTicket } from "./support/fixtures";

useTestDb();

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]);
const file = (bytes: Uint8Array | string, name: string) => new File([bytes as BlobPart], name);

describe("messages", () => {
  it("sets direction from the poster and updates the other side's unread counter", async () => {
    const c = await makeUser();
    const agent = await makeUser({ role: "customer_service" });
    const t = await newTicket(c);
    const reply = await supportApi.postMessage(agent, { ticket: t.id, body: "We are on it", direction: "inbound" });
    expect(reply.status).toBe(201);
    expect(reply.json.direction).toBe("outbound");
    expect(reply.json.is_internal).toBe(false);
    expect(reply.json.author).toBe(agent.id);
    const back = await supportApi.postMessage(c, { ticket: t.id, body: "Thanks" });
    expect(back.json.direction).toBe("inbound");
    const cur = (await supportApi.getTicket(agent, t.id)).json;
    expect(cur.unread_by_agent).toBe(2);
    expect(cur.unread_by_customer).toBe(1);
    expect(cur.last_message_at).toBe(back.json.created_at);
    expect(cur.first_response_at).toBe(reply.json.created_at);
  });

  it("keeps internal notes from customers and out of the counters", async () => {
    const c = await makeUser();
    const agent = await makeUser({ role: "customer_service" });
    const t = await newTicket(c);
    const before = (await supportApi.getTicket(agent, t.id)).json;
    const note = await supportApi.postMessage(agent, { ticket: t.id, body: "Customer is a VIP", is_internal: true });
    expect(note.status).toBe(201);
    expect(note.json.is_internal).toBe(true);
    const after = (await supportApi.getTicket(agent, t.id)).json;
    expect(after.unread_by_customer).toBe(before.unread_by_customer);
    expect(after.last_message_at).toBe(before.last_message_at);
    expect(after.first_response_at).toBeNull();
    const asCustomer = await supportApi.listMessages(c, { ticket: t.id });
    expect(asCustomer.json.results.map((m: any) => m.body)).toEqual(["Hello, it has not arrived."]);
    expect((await supportApi.listMessages(c, { ticket: t.id, is_internal: "true" })).json.results).toEqual([]);
    expect(JSON.stringify((await supportApi.listEvents(c, { ticket: t.id })).json)).not.toContain(note.json.id);
    const asAgent = await supportApi.listMessages(agent, { ticket: t.id, is_internal: "true" });
    expect(asAgent.json.results.map((m: any) => m.body)).toEqual(["Customer is a VIP"]);
    const events = await supportApi.listEvents(agent, { ticket: t.id });
    expect(events.json.results[0].type).toBe("internal_note_created");
  });

  it("refuses internal notes from customers (400) and posts to others' tickets (403)", async () => {
    const c = await makeUser();
    const other = await makeUser();
    const t = await newTicket(c);
    const internal = await supportApi.postMessage(c, { ticket: t.id, body: "psst", is_internal: true });
    expect(internal.status).toBe(400);
    expect(internal.json).toEqual({ is_internal: ["Only support agents can post internal notes."] });
    const foreign = await supportApi.postMessage(other, { ticket: t.id, body: "hi" });
    expect(foreign.status).toBe(403);
    const missing = await supportApi.postMessage(c, { ticket: "00000000-0000-4000-8000-000000000000", body: "hi" });
    expect(missing.status).toBe(400);
    expect(missing.json.ticket[0]).toMatch(/does not exist/);
    const invalid = await supportApi.postMessage(c, { ticket: "nope", body: 5 });
    expect(invalid.status).toBe(400);
    expect(Object.keys(invalid.json).sort()).toEqual(["body", "ticket"]);
    const blank = await supportApi.postMessage(c, { ticket: t.id, body: "   " });
    expect(blank.json).toEqual({ body: ["This field may not be blank."] });
  });

  it("reopens a resolved ticket when the customer replies", async () => {
    const c = await makeUser();
    const admin = await makeUser({ role: "admin" });
    const t = await newTicket(c);
    await supportApi.patchTicket(admin, t.id, { status: "resolved" });
    await supportApi.postMessage(c, { ticket: t.id, body: "Still broken" });
    const cur = (await supportApi.getTicket(admin, t.id)).json;
    expect(cur.status).toBe("new");
    expect(cur.resolved_at).toBeNull();
  });

  it("lists with filters, ascending, with cursor paging", async () => {
    const c = await makeUser();
    const agent = await makeUser({ role: "customer_service" });
    const t = await newTicket(c);
    for (let i = 0; i < 4; i++) await supportApi.postMessage(i % 2 ? c : agent, { ticket: t.id, body: `m${i}` });
    const all = await supportApi.listMessages(agent, { ticket: t.id });
    const bodies = all.json.results.map((m: any) => m.body);
    expect(bodies).toEqual(["Hello, it has not arrived.", "m0", "m1", "m2", "m3"]);
    const times = all.json.results.map((m: any) => m.created_at);
    expect([...times].sort()).toEqual(times);
    expect((await supportApi.listMessages(agent, { ticket: t.id, direction: "outbound" })).json.results.map((m: any) => m.body)).toEqual(["m0", "m2"]);
    const p1 = await supportApi.listMessages(agent, { ticket: t.id, page_size: 2 });
    expect(p1.json.results.map((m: any) => m.body)).toEqual(["Hello, it has not arrived.", "m0"]);
    const p2 = await supportApi.listMessages(agent, { ticket: t.id, page_size: 2, cursor: new URL(p1.json.next).searchParams.get("cursor")! });
    expect(p2.json.results.map((m: any) => m.body)).toEqual(["m1", "m2"]);
    const future = await supportApi.listMessages(agent, { ticket: t.id, created_at_after: "2999-01-01" });
    expect(future.json.results).toEqual([]);
    const bad = await supportApi.listMessages(agent, { direction: "sideways", is_internal: "perhaps", created_at_before: "x" });
    expect(bad.status).toBe(400);
    // django-filter: a range error is keyed by the range; an unknown boolean does not filter.
    expect(Object.keys(bad.json).sort()).toEqual(["created_at", "direction"]);
    // Without a ticket filter a customer still sees only their own tickets' messages.
    const stranger = await makeUser();
    await newTicket(stranger);
    const mine = await supportApi.listMessages(c, { page_size: 100 });
    expect(new Set(mine.json.results.map((m: any) => m.ticket))).toEqual(new Set([t.id]));
  });
});

describe("attachments", () => {
  it("accepts multipart files, sanitises names and serves them only within scope", async () => {
    const c = await makeUser();
    const other = await makeUser();
    const agent = await makeUser({ role: "customer_service" });
    const t = await newTicket(c);
    const form = new FormData();
    form.set("ticket", t.id);
    form.set("body", "Photos attached");
    form.append("files", file(PNG, "../../etc/<photo>.png"));
    form.append("files", file("order,qty\n1001,2\n", "order.csv"));
    const r = await supportApi.postMessageForm(c, form);
    expect(r.status, JSON.stringify(r.json)).toBe(201);
    expect(r.json.attachments.map((a: any) => [a.name, a.content_type, a.size])).toEqual([
      ["photo.png", "image/png", PNG.length],
      ["order.csv", "text/csv", 17],
    ]);
    const png = r.json.attachments[0];
    const dl = await supportApi.download(c, png.id);
    expect(dl.status).toBe(200);
    expect(dl.headers.get("content-type")).toBe("image/png");
    expect(dl.headers.get("content-disposition")).toMatch(/^attachment; filename="photo.png"/);
    expect(dl.headers.get("x-content-type-options")).toBe("nosniff");
    expect((await supportApi.download(agent, png.id)).status).toBe(200);
    expect((await supportApi.download(other, png.id)).status).toBe(404);
    expect((await supportApi.download(null, png.id)).status).toBe(401);

    // A file on an internal note is invisible to the customer.
    const noteForm = new FormData();
    noteForm.set("ticket", t.id);
    noteForm.set("body", "internal screenshot");
    noteForm.set("is_internal", "true");
    noteForm.append("files", file(PNG, "internal.png"));
    const note = await supportApi.postMessageForm(agent, noteForm);
    expect(note.status).toBe(201);
    expect((await supportApi.download(c, note.json.attachments[0].id)).status).toBe(404);
    expect((await supportApi.download(agent, note.json.attachments[0].id)).status).toBe(200);
  });

  it("refuses files that are too large (413), too many (413) or of a bad type (415)", async () => {
    process.env.UPLOAD_MAX_FILE_MB = "0.001"; // ~1 KB
    process.env.UPLOAD_MAX_FILES = "2";
    try {
      const c = await makeUser();
      const t = await newTicket(c);
      const mk = (files: File[]) => {
        const f = new FormData();
        f.set("ticket", t.id);
        f.set("body", "x");
        for (const x of files) f.append("files", x);
        return f;
      };
      expect((await supportApi.postMessageForm(c, mk([file("a".repeat(5000), "big.txt")]))).status).toBe(413);
      expect((await supportApi.postMessageForm(c, mk([file("a", "1.txt"), file("b", "2.txt"), file("c", "3.txt")]))).status).toBe(413);
      const html = await supportApi.postMessageForm(c, mk([file("<script>alert(1)</script>", "invoice.pdf")]));
      expect(html.status).toBe(415);
      expect((await supportApi.postMessageForm(c, mk([file(new Uint8Array([0, 1, 2, 3]), "blob.bin")]))).status).toBe(415);
      expect((await supportApi.postMessageForm(c, mk([file(PNG, "looks.exe")]))).status).toBe(415);
      const prisma = await db();
      expect(await prisma.message.count({ where: { ticketId: t.id } })).toBe(1); // nothing half-written
    } finally {
      delete process.env.UPLOAD_MAX_FILE_MB;
      delete process.env.UPLOAD_MAX_FILES;
    }
  });
});
