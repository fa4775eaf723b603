import { describe, expect, it } from "vitest";
import { useTestDb } from "./support/db";
import { makeUser } from "./support/cast";
import { supportApi, supportRoutes } from "./support/api";
import { call, handler as h } from "./support/http";
import { newTicket } from "./support/fixtures";

useTestDb();

/** POST /api/v1/support/messages/ with an If-Match header (JSON, or multipart when `form`). */
const post = (user: { token: string }, body: Record<string, unknown>, ifMatch?: string) =>
  call(h(supportRoutes.messagesRoute.POST), "POST", "/api/v1/support/messages/", { user, body, headers: ifMatch === undefined ? {} : { "If-Match": ifMatch } });

const bodies = async (u: { token: string }, ticket: string) =>
  ((await supportApi.listMessages(u, { ticket })).json.results as { body: string }[]).map((m) => m.body);

describe("message post honours If-Match (the ticket's ETag)", () => {
  it("a matching ETag posts (201); a stale one is 412 naming the current ticket, and nothing is written", async () => {
    const customer = await makeUser();
    const a = await makeUser({ role: "customer_service" });
    const b = await makeUser({ role: "customer_service" });
    const t = await newTicket(customer);
    const seen = (await supportApi.getTicket(b, t.id)).headers.get("etag")!;
    expect(seen).toMatch(/^"[0-9a-f]{8}-v\d+"$/);

    // Agent B's ETag is current: the reply goes through.
    const ok = await post(b, { ticket: t.id, body: "Looking into it." }, seen);
    expect(ok.status, ok.text).toBe(201);
    // That first reply took the ticket (a new version): B's old ETag is now stale.
    const now = (await supportApi.getTicket(a, t.id)).headers.get("etag")!;
    expect(now).not.toBe(seen);

    // Agent A changes the ticket; B, still on the old version, is refused.
    expect((await supportApi.patchTicket(a, t.id, { priority: "urgent" }, { "If-Match": now })).status).toBe(200);
    const stale = await post(b, { ticket: t.id, body: "Second thoughts", status: "pending" }, now);
    expect(stale.status, stale.text).toBe(412);
    expect(stale.json.detail).toMatch(/changed by someone else/);
    expect(stale.json.ticket).toMatchObject({ id: t.id, priority: "urgent", assigned_to: b.id, status: expect.any(String) });
    const current = (await supportApi.getTicket(b, t.id)).headers.get("etag")!;
    expect(stale.headers.get("etag")).toBe(current);
    // Nothing was written: no message, no status change, no new version.
    expect(await bodies(b, t.id)).not.toContain("Second thoughts");
    const after = await supportApi.getTicket(b, t.id);
    expect(after.json.status).not.toBe("pending");
    expect(after.headers.get("etag")).toBe(current);

    // Sent with an Idempotency-Key, the 412 is the same explained answer (and is what a retry replays).
    const keyed = await call(h(supportRoutes.messagesRoute.POST), "POST", "/api/v1/support/messages/", {
      user: b, body: { ticket: t.id, body: "Second thoughts" }, headers: { "If-Match": now, "Idempotency-Key": "stale-1" },
    });
    expect(keyed.status).toBe(412);
    expect(keyed.json.ticket).toMatchObject({ id: t.id, priority: "urgent" });

    // With the current ETag (or a list containing it, or *) the same reply posts.
    const retry = await post(b, { ticket: t.id, body: "Second thoughts", status: "pending" }, `"00000000-v1", ${current}`);
    expect(retry.status, retry.text).toBe(201);
    expect((await supportApi.getTicket(b, t.id)).json.status).toBe("pending");
    expect((await post(b, { ticket: t.id, body: "Any version" }, "*")).status).toBe(201);
  });

  it("without If-Match a post behaves as before (201), whatever changed", async () => {
    const customer = await makeUser();
    const agent = await makeUser({ role: "customer_service" });
    const t = await newTicket(customer);
    expect((await supportApi.patchTicket(agent, t.id, { priority: "high" })).status).toBe(200);
    const r = await post(agent, { ticket: t.id, body: "No precondition" });
    expect(r.status, r.text).toBe(201);
    // Customers can send it too: their own ticket's ETag.
    const etag = (await supportApi.getTicket(customer, t.id)).headers.get("etag")!;
    expect((await post(customer, { ticket: t.id, body: "Thanks" }, etag)).status).toBe(201);
  });

  it("a malformed If-Match is a clear 400, not a 412, and writes nothing", async () => {
    const customer = await makeUser();
    const agent = await makeUser({ role: "customer_service" });
    const t = await newTicket(customer);
    for (const bad of ["abc-v1", "", '"unterminated', 'W/abc']) {
      const r = await post(agent, { ticket: t.id, body: `bad ${bad}` }, bad);
      expect(r.status, `${bad}: ${r.text}`).toBe(400);
      expect(r.json.non_field_errors[0]).toMatch(/If-Match must be the ticket's ETag/);
    }
    expect((await bodies(agent, t.id)).filter((b) => b.startsWith("bad"))).toEqual([]);
    // A stale precondition on a ticket the caller cannot see stays a plain error (no ticket leaked).
    const other = await makeUser();
    const hidden = await post(other, { ticket: t.id, body: "x" }, '"00000000-v1"');
    expect(hidden.status).toBe(403);
    expect(hidden.json.ticket).toBeUndefined();
  });
});
