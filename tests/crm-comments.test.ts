import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { useTestDb } from "./support/db";
import { call, pathOf } from "./support/http";
import { makeCast, type TestUser } from "./support/cast";
import { crm, crmApi, crmAttachments, crmComments as c } from "./support/api";
import { pngFile } from "./support/fixtures";

useTestDb();

let admin: TestUser, agent: TestUser, agent2: TestUser, cust: TestUser, other: TestUser;
beforeAll(async () => {
  ({ admin, agent, otherAgent: agent2, customer: cust, otherCustomer: other } = await makeCast());
});

async function counters(id: string) {
  const prisma = await db();
  return prisma.ticket.findUniqueOrThrow({
    where: { id },
    select: { publicMessageCount: true, internalMessageCount: true, unreadByAgent: true, unreadByCustomer: true, firstResponseAt: true },
  });
}

describe("/api/v1/ticket-comments/", () => {
  it("creates, lists (?ticket=), reads, edits and deletes comments with consistent counters", async () => {
    const t = (await crmApi.create(cust, { subject: "thread" })).json;
    const t2 = (await crmApi.create(cust, { subject: "other thread" })).json;
    const a = await c.create(agent, { ticket: t.id, text: "public reply" });
    expect(a.status, JSON.stringify(a.json)).toBe(201);
    expect(a.json).toMatchObject({ ticket: t.id, author: agent.id, author_name: "Agent One", author_role: "customer_service", text: "public reply", is_internal: false });
    const n = await c.create(agent, { ticket: t.id, text: "internal", is_internal: true });
    const q = await c.create(cust, { ticket: t.id, text: "customer question" });
    await c.create(agent, { ticket: t2.id, text: "elsewhere" });
    expect(await counters(t.id)).toMatchObject({ publicMessageCount: 2, internalMessageCount: 1, unreadByAgent: 1, unreadByCustomer: 1 });

    const all = await c.list(agent, { ticket: t.id });
    expect(all.json.results.map((x: any) => x.text)).toEqual(["public reply", "internal", "customer question"]);
    expect((await c.list(cust, { ticket: t.id })).json.results.map((x: any) => x.text)).toEqual(["public reply", "customer question"]);
    expect((await c.list(agent)).json.results).toHaveLength(4);
    expect((await c.list(other, { ticket: t.id })).json.results).toEqual([]);
    const paged = await c.list(agent, { ticket: t.id, page_size: "2" });
    const next = await call(crm.comments.GET as any, "GET", pathOf(paged.json.next), { user: agent });
    expect(next.json.results.map((x: any) => x.text)).toEqual(["customer question"]);

    expect((await c.get(agent, n.json.id)).json.text).toBe("internal");
    expect((await c.get(cust, n.json.id)).status).toBe(404);
    expect((await c.get(other, a.json.id)).status).toBe(404);

    // Edit text: author only (or admin).
    expect((await c.patch(agent2, a.json.id, { text: "hijack" })).status).toBe(403);
    const edited = await c.patch(agent, a.json.id, { text: "public reply (edited)" });
    expect(edited.status).toBe(200);
    expect(edited.json.text).toBe("public reply (edited)");
    expect(new Date(edited.json.updated_at).getTime()).toBeGreaterThanOrEqual(new Date(edited.json.created_at).getTime());
    expect((await c.patch(admin, q.json.id, { text: "moderated" })).json.text).toBe("moderated");

    // public → internal → public moves both counters.
    await c.patch(agent, a.json.id, { is_internal: true });
    expect(await counters(t.id)).toMatchObject({ publicMessageCount: 1, internalMessageCount: 2, unreadByCustomer: 0 });
    expect((await crmApi.get(cust, t.id)).json.comments.map((x: any) => x.text)).toEqual(["moderated"]);
    await c.patch(agent, a.json.id, { is_internal: false });
    expect(await counters(t.id)).toMatchObject({ publicMessageCount: 2, internalMessageCount: 1, unreadByCustomer: 1 });

    // Customers cannot make notes internal, and a customer's message cannot become one.
    expect((await c.patch(cust, q.json.id, { is_internal: true })).json).toEqual({ is_internal: ["Only support agents can post internal notes."] });
    expect((await c.patch(admin, q.json.id, { is_internal: true })).json).toEqual({ is_internal: ["Only agent replies can become internal notes."] });

    // Delete: author or admin; counters follow.
    expect((await c.del(agent2, n.json.id)).status).toBe(403);
    expect((await c.del(agent, n.json.id)).status).toBe(204);
    expect(await counters(t.id)).toMatchObject({ publicMessageCount: 2, internalMessageCount: 0 });
    expect((await c.del(cust, q.json.id)).status).toBe(204);
    expect(await counters(t.id)).toMatchObject({ publicMessageCount: 1, unreadByAgent: 0 });
    expect((await c.del(admin, a.json.id)).status).toBe(204);
    expect(await counters(t.id)).toMatchObject({ publicMessageCount: 0, internalMessageCount: 0, unreadByCustomer: 0 });
    expect((await c.get(agent, a.json.id)).status).toBe(404);
    expect((await c.del(admin, a.json.id)).status).toBe(404);

    const prisma = await db();
    const ev = await prisma.event.findMany({ where: { ticketId: t.id, type: "ticket_updated" }, select: { data: true, isInternal: true } });
    const actions = ev.map((e) => [(e.data as any).action, e.isInternal]);
    expect(actions).toContainEqual(["message_deleted", true]);
    expect(actions).toContainEqual(["message_deleted", false]);
    expect(actions).toContainEqual(["message_edited", true]);
  });

  it("only lowers an unread counter when the deleted message was still unread", async () => {
    const t = (await crmApi.create(cust, { subject: "unread" })).json;
    const first = await c.create(cust, { ticket: t.id, text: "one" });
    const prisma = await db();
    await prisma.ticket.update({ where: { id: t.id }, data: { unreadByAgent: 0 } }); // agent read it
    await c.create(cust, { ticket: t.id, text: "two" });
    expect((await counters(t.id)).unreadByAgent).toBe(1);
    await c.del(cust, first.json.id); // already read: the unread "two" stays unread
    expect(await counters(t.id)).toMatchObject({ unreadByAgent: 1, publicMessageCount: 1 });
  });

  it("validates input", async () => {
    const t = (await crmApi.create(cust, { subject: "v" })).json;
    expect((await c.create(agent, { ticket: t.id })).json).toEqual({ text: ["This field is required."] });
    expect((await c.create(agent, { text: "x" })).json).toEqual({ ticket: ["This field is required."] });
    const ghost = "00000000-0000-4000-8000-000000000000";
    expect((await c.create(agent, { ticket: ghost, text: "x" })).json).toEqual({ ticket: [`Invalid pk "${ghost}" - object does not exist.`] });
    expect((await c.create(other, { ticket: t.id, text: "x" })).status).toBe(403);
    expect((await c.create(cust, { ticket: t.id, text: "x", is_internal: true })).status).toBe(400);
    const m = await c.create(agent, { ticket: t.id, text: "x" });
    expect((await c.patch(agent, m.json.id, { text: "" })).json).toEqual({ text: ["This field may not be blank."] });
    expect((await c.list(agent, { ticket: "nope" })).status).toBe(400);
    expect((await c.get(agent, "nope")).status).toBe(404);
    expect((await c.list(null)).status).toBe(401);
    const put = await call(crm.comment.PUT as any, "PUT", `/api/v1/ticket-comments/${m.json.id}/`, { user: agent, body: {}, params: { id: m.json.id } });
    expect(put.status).toBe(405);
  });
});

describe("/api/v1/ticket-attachments/", () => {
  const { upload, get, del } = crmAttachments;

  it("uploads, reads, nests in the ticket, downloads and deletes", async () => {
    const t = (await crmApi.create(cust, { subject: "files" })).json;
    const r = await upload(cust, { ticket: t.id, file: pngFile("screenshot.png") });
    expect(r.status, JSON.stringify(r.json)).toBe(201);
    expect(r.json).toMatchObject({ ticket: t.id, name: "screenshot.png", size: 12, uploaded_by: cust.id, uploaded_by_name: "Cathy Customer", file: `/api/v1/support/attachments/${r.json.id}/` });
    expect((await get(agent, r.json.id)).json.name).toBe("screenshot.png");
    expect((await get(other, r.json.id)).status).toBe(404);
    const ticket = await crmApi.get(cust, t.id);
    expect(ticket.json.attachments.map((a: any) => a.id)).toEqual([r.json.id]);

    const dl = await import("@/app/api/v1/support/attachments/[id]/route");
    const file = await call(dl.GET as any, "GET", r.json.file, { user: cust, params: { id: r.json.id } });
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toBe("image/png");

    expect((await del(agent, r.json.id)).status).toBe(403);
    expect((await del(other, r.json.id)).status).toBe(404);
    expect((await del(cust, r.json.id)).status).toBe(204);
    expect((await get(cust, r.json.id)).status).toBe(404);
    const again = await upload(agent, { ticket: t.id, file: pngFile() });
    expect((await del(admin, again.json.id)).status).toBe(204);
  });

  it("hides files of internal notes from customers", async () => {
    const t = (await crmApi.create(cust, { subject: "internal files" })).json;
    const prisma = await db();
    const note = await prisma.message.create({ data: { ticketId: t.id, authorId: agent.id, body: "n", direction: "outbound", isInternal: true } });
    const a = await prisma.attachment.create({ data: { ticketId: t.id, messageId: note.id, uploadedById: agent.id, name: "secret.txt", contentType: "text/plain", size: 1, sha256: "x" } });
    expect((await get(cust, a.id)).status).toBe(404);
    expect((await crmApi.get(cust, t.id)).json.attachments).toEqual([]);
    expect((await crmApi.get(agent, t.id)).json.attachments.map((x: any) => x.name)).toEqual(["secret.txt"]);
  });

  it("validates uploads", async () => {
    const t = (await crmApi.create(cust, { subject: "bad files" })).json;
    expect((await upload(cust, { ticket: t.id })).json).toEqual({ file: ["No file was submitted."] });
    expect((await upload(cust, { file: pngFile() })).json).toEqual({ ticket: ["This field is required."] });
    expect((await upload(cust, { ticket: "x", file: pngFile() })).status).toBe(400);
    expect((await upload(other, { ticket: t.id, file: pngFile() })).status).toBe(403);
    const html = new File(["<html><script>alert(1)</script></html>"], "x.pdf");
    expect((await upload(cust, { ticket: t.id, file: html })).status).toBe(415);
    const json = await call(crm.attachments.POST as any, "POST", "/api/v1/ticket-attachments/", { user: cust, body: { ticket: t.id } });
    expect(json.json).toEqual({ file: ["No file was submitted."] });
    const xml = await call(crm.attachments.POST as any, "POST", "/api/v1/ticket-attachments/", { user: cust, raw: { body: "<a/>", contentType: "application/xml" } });
    expect(xml.status).toBe(415);
    expect((await upload(null, { ticket: t.id, file: pngFile() })).status).toBe(401);
    const list = await call(crm.attachments.GET as any, "GET", "/api/v1/ticket-attachments/", { user: cust });
    expect(list.status).toBe(405);
  });
});
