import { describe, expect, it } from "vitest";
import { useTestDb } from "./support/db";
import { call } from "./support/http";
import { makeUser } from "./support/cast";
import * as tickets from "@/app/api/v1/support/tickets/route";

useTestDb();

describe("smoke", () => {
  it("creates and lists a ticket", async () => {
    const c = await makeUser();
    const r = await call(tickets.POST as any, "POST", "/api/v1/support/tickets/", { user: c, body: { subject: "Hi", initial_message: "Hello" } });
    expect(r.status, JSON.stringify(r.json)).toBe(201);
    const l = await call(tickets.GET as any, "GET", "/api/v1/support/tickets/", { user: c });
    expect(l.json.results).toHaveLength(1);
  });
});
