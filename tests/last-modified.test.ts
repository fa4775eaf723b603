import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { makeUser, type TestUser } from "./support/cast";
import { useTestDb } from "./support/db";
import { crmApi, supportApi as api } from "./support/api";
import { newTicket } from "./support/fixtures";
import { withEnv } from "./support/env-override";

useTestDb();

let cust: TestUser, admin: TestUser;
beforeAll(async () => {
  cust = await makeUser();
  admin = await makeUser({ role: "admin" });
});

/** Moves a ticket's last change into the past, at a chosen sub-second offset. */
async function setUpdatedAt(id: string, at: Date) {
  await (await db()).ticket.update({ where: { id }, data: { updatedAt: at } });
}

const secondsAgo = (s: number, ms = 0) => new Date(Math.floor(Date.now() / 1000) * 1000 - s * 1000 + ms);

describe("Last-Modified and If-Unmodified-Since", () => {
  it("support: Last-Modified is updated_at at second precision, on create, GET, PATCH and mark-read", async () => {
    const created = await api.createTicket(cust, { subject: "Dates", initial_message: "hi" });
    expect(created.headers.get("last-modified")).toBe(new Date(created.json.updated_at).toUTCString());
    // updated_at with 999 ms: the header drops the fraction (an HTTP date has whole seconds).
    const at = secondsAgo(30, 999);
    await setUpdatedAt(created.json.id, at);
    const got = await api.getTicket(admin, created.json.id);
    expect(got.headers.get("last-modified")).toBe(new Date(Math.floor(at.getTime() / 1000) * 1000).toUTCString());
    expect(got.headers.get("last-modified")).toMatch(/^\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} GMT$/);
    const read = await api.markRead(admin, created.json.id);
    expect(read.headers.get("last-modified")).toBe(got.headers.get("last-modified"));
  });

  it("support: echoing Last-Modified succeeds while nothing changed, and is 412 after another change", async () => {
    const t = await newTicket(cust);
    await setUpdatedAt(t.id, secondsAgo(60, 750));
    const seen = (await api.getTicket(admin, t.id)).headers.get("last-modified")!;
    const ok = await api.patchTicket(admin, t.id, { priority: "high" }, { "if-unmodified-since": seen });
    expect(ok.status, ok.text).toBe(200);
    // Someone else's edit came after `seen`: the old date is now stale.
    const stale = await api.patchTicket(admin, t.id, { priority: "low" }, { "if-unmodified-since": seen });
    expect(stale.status).toBe(412);
    expect((await api.getTicket(admin, t.id)).json.priority).toBe("high");
    // The PATCH response's own Last-Modified is good for the next edit.
    const fresh = ok.headers.get("last-modified")!;
    expect(fresh).toBe(new Date(ok.json.updated_at).toUTCString());
    expect((await api.patchTicket(admin, t.id, { priority: "low" }, { "if-unmodified-since": fresh })).status).toBe(200);
  });

  it("If-Match takes precedence over If-Unmodified-Since", async () => {
    const t = await newTicket(cust);
    const got = await api.getTicket(admin, t.id);
    const longAgo = new Date(Date.now() - 86400_000).toUTCString();
    const r = await api.patchTicket(admin, t.id, { priority: "urgent" }, { "if-match": got.headers.get("etag")!, "if-unmodified-since": longAgo });
    expect(r.status).toBe(200);
  });

  it("CRM: Last-Modified on create, GET, PATCH, add_comment and assign; If-Unmodified-Since on PATCH", async () => {
    const created = await crmApi.create(cust, { subject: "CRM dates" });
    expect(created.status).toBe(201);
    const id = created.json.id;
    expect(created.headers.get("last-modified")).toBe(new Date(created.json.updated_at).toUTCString());
    const at = secondsAgo(120, 500);
    await setUpdatedAt(id, at);
    const got = await crmApi.get(admin, id);
    const seen = got.headers.get("last-modified")!;
    expect(seen).toBe(new Date(Math.floor(at.getTime() / 1000) * 1000).toUTCString());
    // Without auto-assignment: an agent's first reply would otherwise take the ticket (an edit).
    const comment = await withEnv({ AUTO_ASSIGN_ON_REPLY: "0" }, () => crmApi.comment(admin, id, { text: "a comment is not an edit of the ticket" }));
    expect(comment.headers.get("last-modified")).toBe(seen);

    const ok = await crmApi.patch(admin, id, { priority: "high" }, { "if-unmodified-since": seen });
    expect(ok.status, ok.text).toBe(200);
    expect(ok.headers.get("last-modified")).toBe(new Date(ok.json.updated_at).toUTCString());
    const stale = await crmApi.patch(admin, id, { priority: "low" }, { "if-unmodified-since": seen });
    expect(stale.status).toBe(412);
    expect((await crmApi.patch(admin, id, { priority: "low" }, { "if-unmodified-since": "not a date" })).status).toBe(400);

    const assigned = await crmApi.assign(admin, id, { user_id: admin.id });
    expect(assigned.status).toBe(200);
    expect(assigned.headers.get("last-modified")).toBe(new Date(assigned.json.updated_at).toUTCString());
    expect(assigned.headers.get("etag")).not.toBe(ok.headers.get("etag"));
  });
});
