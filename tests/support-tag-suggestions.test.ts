import { describe, expect, it } from "vitest";
import * as tagsRoute from "@/app/api/v1/support/tags/route";
import { useTestDb } from "./support/db";
import { makeUser } from "./support/cast";
import { supportApi } from "./support/api";
import { call, handler as h } from "./support/http";
import { newTicket } from "./support/fixtures";

useTestDb();

const suggest = (user: { token: string } | null, query: Record<string, string | number> = {}) =>
  call(h(tagsRoute.GET), "GET", "/api/v1/support/tags/", { user, query });

describe("GET /api/v1/support/tags/ (tag autocomplete)", () => {
  it("lists tags in use, most used first, in the DRF list shape; search matches prefixes first", async () => {
    const customer = await makeUser();
    const agent = await makeUser({ role: "customer_service" });
    const tag = async (tags: string[]) => {
      const t = await newTicket(customer);
      expect((await supportApi.patchTicket(agent, t.id, { tags })).status).toBe(200);
    };
    await tag(["Refund", "vip"]);
    await tag(["refund", "shipping"]);
    await tag(["refund", "late-refund"]);
    await tag(["billing"]);
    await newTicket(customer); // untagged: ignored

    const all = await suggest(agent);
    expect(all.status, all.text).toBe(200);
    expect(all.json.next).toBeNull();
    expect(all.json.previous).toBeNull();
    expect(all.json.results[0]).toEqual({ name: "refund", count: 3 });
    expect(all.json.results.map((r: { name: string }) => r.name).sort()).toEqual(["billing", "late-refund", "refund", "shipping", "vip"]);

    // "REF" is normalized; "refund" (prefix) comes before "late-refund" (contains).
    const ref = await suggest(agent, { search: " REF" });
    expect(ref.json.results).toEqual([{ name: "refund", count: 3 }, { name: "late-refund", count: 1 }]);
    expect((await suggest(agent, { search: "nothing-like-it" })).json.results).toEqual([]);
    expect((await suggest(agent, { page_size: 2 })).json.results).toHaveLength(2);
    // Removing a tag from every ticket removes it from the suggestions.
    const billing = (await supportApi.listTickets(agent, { tags: "billing" })).json.results[0];
    expect((await supportApi.patchTicket(agent, billing.id, { tags: [] })).status).toBe(200);
    expect((await suggest(agent, { search: "bill" })).json.results).toEqual([]);
  });

  it("is for agents only; bad parameters are 400", async () => {
    const customer = await makeUser();
    const agent = await makeUser({ role: "customer_service" });
    expect((await suggest(null)).status).toBe(401);
    const denied = await suggest(customer);
    expect(denied.status).toBe(403);
    expect(denied.json.detail).toMatch(/agents/);
    const big = await suggest(agent, { page_size: 500 });
    expect(big.status).toBe(400);
    expect(big.json.page_size).toBeTruthy();
    expect((await suggest(agent, { page_size: "x" })).status).toBe(400);
    const long = await suggest(agent, { search: "x".repeat(201) });
    expect(long.status).toBe(400);
    expect(long.json.search).toEqual(["Search is limited to 200 characters."]);
    // NUL characters are dropped from search, as DRF's SearchFilter does (never reach PostgreSQL).
    expect((await suggest(agent, { search: "a\u0000b" })).status).toBe(200);
    // Odd characters are text, not pattern syntax.
    expect((await suggest(agent, { search: "%_\\'" })).status).toBe(200);
  });
});
