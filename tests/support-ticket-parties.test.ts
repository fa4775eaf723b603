import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as partiesRoute from "@/app/api/v1/support/ticket-parties/route";
import { ticketPartiesPageOut } from "@/lib/api/support/ticket-parties";
import { db } from "@/lib/db/client";
import { makeUser } from "./support/cast";
import { useTestDb } from "./support/db";
import { call } from "./support/http";
import { makeCompany, makeContact, newTicket } from "./support/fixtures";

useTestDb();

const parties = (user: { token: string } | null, tickets: string) =>
  call(partiesRoute.GET as never, "GET", "/api/v1/support/ticket-parties/", { user, query: { tickets } });

describe("GET /api/v1/support/ticket-parties/", () => {
  it("names the requester, contact with company and order of each ticket, in the order asked", async () => {
    const prisma = await db();
    const customer = await makeUser({ name: "Casey Customer", email: `casey-${Date.now()}@example.test` });
    const agent = await makeUser({ role: "customer_service" });
    const company = await makeCompany("Hilton Pattaya");
    const contact = await makeContact("Casey Contact", company.id, customer.id);
    const order = await prisma.order.create({ data: { number: `O-${Date.now()}`, userId: customer.id, total: "12.50" } });
    const withOrder = await newTicket(customer, { order: order.id });
    const bare = await newTicket(agent, { subject: "Phone call" });

    const r = await parties(agent, `${bare.id},${withOrder.id.toUpperCase()},${randomUUID()}`);
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    const page = ticketPartiesPageOut.parse(r.json);
    expect(page.next).toBeNull();
    expect(page.results.map((p) => p.ticket)).toEqual([bare.id, withOrder.id]);
    const [b, w] = page.results;
    expect(b).toMatchObject({ requester: null, contact: null, order: null });
    expect(w.requester).toEqual({ id: customer.id, name: "Casey Customer", email: customer.email });
    expect(w.contact).toMatchObject({ id: contact.id, name: "Casey Contact", company: "Hilton Pattaya" });
    expect(w.order).toMatchObject({ id: order.id, number: order.number, total: "12.5", currency: "USD" });
  });

  it("is for agents: customers get 403, anonymous callers 401", async () => {
    const customer = await makeUser();
    const t = await newTicket(customer);
    expect((await parties(customer, t.id)).status).toBe(403);
    expect((await parties(null, t.id)).status).toBe(401);
  });

  it("refuses bad lists with a DRF field error", async () => {
    const agent = await makeUser({ role: "admin" });
    const bad = await parties(agent, "nope");
    expect(bad.status).toBe(400);
    expect(bad.json).toEqual({ tickets: ['"nope" is not a valid UUID.'] });
    const many = Array.from({ length: 101 }, () => randomUUID()).join(",");
    expect((await parties(agent, many)).json).toEqual({ tickets: ["Ask for at most 100 tickets at once."] });
    expect((await call(partiesRoute.GET as never, "GET", "/api/v1/support/ticket-parties/", { user: agent })).json).toEqual({ tickets: ["This field is required."] });
  });

  it("answers any query string with a 200 or a DRF 400, never a 500", async () => {
    const agent = await makeUser({ role: "customer_service" });
    const t = await newTicket(agent);
    const part = fc.oneof(fc.constant(t.id), fc.uuid(), fc.string({ maxLength: 40 }), fc.constantFrom("", ",", " ", "\u0000", "null"));
    await fc.assert(
      fc.asyncProperty(fc.array(part, { maxLength: 5 }), async (parts) => {
        const r = await parties(agent, parts.join(","));
        expect([200, 400], JSON.stringify(r.json)).toContain(r.status);
        if (r.status === 400) expect(Object.values(r.json).every((v) => Array.isArray(v))).toBe(true);
      }),
      { numRuns: 60 },
    );
  });
});
