import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { useTestDb } from "./support/db";
import { makeUser } from "./support/cast";
import { crmApi, supportApi } from "./support/api";
import { newTicket } from "./support/fixtures";

useTestDb();

describe("support ticket tags", () => {
  it("are normalized on create and PATCH (trimmed, lower-case, deduplicated) and shared with the CRM's column", async () => {
    const agent = await makeUser({ role: "customer_service" });
    const customer = await makeUser();
    const t = await newTicket(agent, { user: customer.id, tags: ["  VIP ", "vip", "Refund  Request", ""] });
    expect(t.tags).toEqual(["vip", "refund request"]);
    const p = await supportApi.patchTicket(agent, t.id, { tags: ["Billing", "BILLING", "vip"] });
    expect(p.status, p.text).toBe(200);
    expect(p.json.tags).toEqual(["billing", "vip"]);
    // One column for both APIs: the CRM reads and writes the same list, normalized the same way.
    expect((await crmApi.get(agent, t.id)).json.tags).toBe("billing, vip");
    const c = await crmApi.patch(agent, t.id, { tags: "Zone-Offline, VIP" });
    expect(c.status, c.text).toBe(200);
    expect((await supportApi.getTicket(agent, t.id)).json.tags).toEqual(["zone-offline", "vip"]);
    const prisma = await db();
    expect((await prisma.ticket.findUniqueOrThrow({ where: { id: t.id } })).tags).toEqual(["zone-offline", "vip"]);
  });

  it("are validated DRF-style and stay agent-only", async () => {
    const agent = await makeUser({ role: "customer_service" });
    const customer = await makeUser();
    const t = await newTicket(customer);
    const bad = async (tags: unknown) => {
      const r = await supportApi.patchTicket(agent, t.id, { tags });
      expect(r.status, r.text).toBe(400);
      expect(Object.keys(r.json)).toEqual(["tags"]);
      return r.json.tags[0] as string;
    };
    expect(await bad("vip")).toMatch(/list/);
    expect(await bad([1])).toMatch(/string/);
    expect(await bad(["x".repeat(51)])).toMatch(/50 characters/);
    expect(await bad(Array.from({ length: 31 }, (_, i) => `t${i}`))).toMatch(/30 tags/);
    expect(await bad(["a,b"])).toMatch(/commas/);
    // 31 spellings of one tag are one tag.
    expect((await supportApi.patchTicket(agent, t.id, { tags: Array.from({ length: 31 }, () => "Same") })).json.tags).toEqual(["same"]);
    const mine = await supportApi.createTicket(customer, { subject: "x", tags: ["vip"] });
    expect(mine.status).toBe(400);
    expect(Object.keys(mine.json)).toEqual(["tags"]);
    expect((await supportApi.patchTicket(customer, t.id, { tags: ["vip"] })).status).toBe(403);
  });

  it("filter the list any-of with a comma list, within the caller's scope", async () => {
    const agent = await makeUser({ role: "customer_service" });
    const customer = await makeUser();
    const other = await makeUser();
    const a = await newTicket(agent, { user: customer.id, tags: ["vip-f"] });
    const b = await newTicket(agent, { user: customer.id, tags: ["refund-f", "late-f"] });
    await newTicket(agent, { user: customer.id, tags: ["other-f"] });
    await newTicket(agent, { user: customer.id });
    const theirs = await newTicket(agent, { user: other.id, tags: ["vip-f"] });
    const ids = async (user: typeof agent, tags: string) => {
      const r = await supportApi.listTickets(user, { tags, page_size: 100 });
      expect(r.status, r.text).toBe(200);
      return (r.json.results as { id: string }[]).map((x) => x.id).sort();
    };
    expect(await ids(agent, " VIP-F , Refund-F")).toEqual([a.id, b.id, theirs.id].sort());
    expect(await ids(agent, "late-f")).toEqual([b.id]);
    expect(await ids(agent, "nope-f")).toEqual([]);
    // Customers filter their own tickets only.
    expect(await ids(customer, "vip-f")).toEqual([a.id]);
    // An empty list does not narrow; too many tags is a 400 on the field.
    expect((await ids(agent, ",")).length).toBeGreaterThanOrEqual(5);
    const many = await supportApi.listTickets(agent, { tags: Array.from({ length: 31 }, (_, i) => `t${i}`).join(",") });
    expect(many.status).toBe(400);
    expect(Object.keys(many.json)).toEqual(["tags"]);
  });

  it("changes are ticket.updated events naming the tags field, and bump the version", async () => {
    const agent = await makeUser({ role: "customer_service" });
    const t = await newTicket(agent, { tags: ["a"] });
    const before = await supportApi.getTicket(agent, t.id);
    const same = await supportApi.patchTicket(agent, t.id, { tags: ["A"] });
    expect(same.headers.get("etag")).toBe(before.headers.get("etag")); // normalized equal: no change
    const p = await supportApi.patchTicket(agent, t.id, { tags: ["a", "b"] }, { "If-Match": before.headers.get("etag")! });
    expect(p.status).toBe(200);
    expect(p.headers.get("etag")).not.toBe(before.headers.get("etag"));
    const events = (await supportApi.listEvents(agent, { ticket: t.id })).json.results as { type: string; data: any }[];
    expect(events[0]).toMatchObject({ type: "ticket_updated", data: { fields: ["tags"] } });
    const prisma = await db();
    const rt = await prisma.realtimeEvent.findMany({ where: { ticketId: t.id, type: "ticket.updated" } });
    expect(rt.map((e) => (e.data as any).fields)).toEqual([["tags"]]);
  });
});
