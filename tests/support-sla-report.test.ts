import { describe, expect, it } from "vitest";
import * as reportRoute from "@/app/api/v1/support/sla-report/route";
import { slaReportOut } from "@/lib/api/support/sla-policy-schemas";
import { db } from "@/lib/db/client";
import type { Priority, TicketStatus } from "@/lib/db/generated/client";
import { useTestDb } from "./support/db";
import { makeUser } from "./support/cast";
import { call, handler as h } from "./support/http";

useTestDb();

const report = (user: { token: string } | null, query: Record<string, string>) =>
  call(h(reportRoute.GET), "GET", "/api/v1/support/sla-report/", { user, query });

let n = 0;
async function ticket(t: { priority: Priority; status: TicketStatus; created: string; firstResponseMin?: number; elapsed?: number; dueAt?: string; breached?: boolean }) {
  const prisma = await db();
  const created = new Date(t.created);
  const row = await prisma.ticket.create({
    data: {
      number: `T-REPORT-${++n}`,
      subject: `Report ${n}`,
      priority: t.priority,
      status: t.status,
      createdAt: created,
      firstResponseAt: t.firstResponseMin == null ? null : new Date(created.getTime() + t.firstResponseMin * 60_000),
      slaResolutionElapsed: t.elapsed ?? 0,
      slaDueAt: t.dueAt ? new Date(t.dueAt) : null,
    },
  });
  if (t.breached) await prisma.slaAlert.create({ data: { ticketId: row.id, clock: "resolution", kind: "breached", dueAt: created } });
  return row;
}

describe("GET /api/v1/support/sla-report/", () => {
  it("matches a hand-built data set", async () => {
    const agent = await makeUser({ role: "customer_service" });
    await ticket({ priority: "medium", status: "resolved", created: "2026-11-02T10:00:00Z", firstResponseMin: 30, elapsed: 120 });
    await ticket({ priority: "medium", status: "closed", created: "2026-11-03T10:00:00Z", firstResponseMin: 90, elapsed: 600, breached: true });
    await ticket({ priority: "medium", status: "new", created: "2026-11-04T10:00:00Z", dueAt: "2026-11-05T10:00:00Z" });
    await ticket({ priority: "high", status: "resolved", created: "2026-11-30T23:59:00Z", firstResponseMin: 10, elapsed: 60 });
    await ticket({ priority: "high", status: "resolved", created: "2026-12-01T00:00:00Z", firstResponseMin: 10, elapsed: 60 }); // outside

    const r = await report(agent, { from: "2026-11-01", to: "2026-11-30", group_by: "priority" });
    expect(r.status, r.text).toBe(200);
    slaReportOut.parse(r.json);
    expect(r.json.results).toEqual([
      { key: "medium", label: "medium", tickets: 3, met: 1, breached: 2, percent_met: 33.3, first_response_minutes: { median: 30, p90: 90 }, resolution_minutes: { median: 120, p90: 600 } },
      { key: "high", label: "high", tickets: 1, met: 1, breached: 0, percent_met: 100, first_response_minutes: { median: 10, p90: 10 }, resolution_minutes: { median: 60, p90: 60 } },
    ]);
    const byPolicy = await report(agent, { from: "2026-11-01", to: "2026-11-30" });
    expect(byPolicy.json.group_by).toBe("policy");
    expect(byPolicy.json.results).toMatchObject([{ key: null, label: "Default", tickets: 4, met: 2, breached: 2, percent_met: 50 }]);
    const empty = await report(agent, { from: "2025-01-01", to: "2025-01-31", group_by: "agent" });
    expect(empty.json.results).toEqual([]);
  });

  it("is for agents, and bad queries are a DRF 400", async () => {
    const customer = await makeUser();
    const agent = await makeUser({ role: "customer_service" });
    expect((await report(customer, { from: "2026-11-01", to: "2026-11-30" })).status).toBe(403);
    expect((await report(null, { from: "2026-11-01", to: "2026-11-30" })).status).toBe(401);
    for (const [q, field] of [
      [{ to: "2026-11-30" }, "from"],
      [{ from: "2026-11-01", to: "soon" }, "to"],
      [{ from: "2026-11-30", to: "2026-11-01" }, "to"],
      [{ from: "2020-01-01", to: "2026-11-01" }, "to"],
      [{ from: "2026-11-01", to: "2026-11-30", group_by: "moon" }, "group_by"],
      [{ from: "2026-13-45", to: "2026-11-30" }, "from"],
    ] as [Record<string, string>, string][]) {
      const r = await report(agent, q);
      expect(r.status, JSON.stringify(q)).toBe(400);
      expect(r.json, r.text).toHaveProperty([field]);
    }
  });
});
