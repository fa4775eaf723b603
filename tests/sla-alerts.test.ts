import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { runSlaAlerts } from "@/lib/sla/alert-worker";
import { useTestDb } from "./support/db";
import { makeUser } from "./support/cast";
import { supportApi } from "./support/api";
import { newTicket } from "./support/fixtures";

useTestDb();

const HOUR = 3_600_000;

async function slaEvents(ticketId: string) {
  const prisma = await db();
  return prisma.event.findMany({ where: { ticketId, type: { in: ["sla_warning", "sla_breached"] } }, select: { type: true, data: true, isInternal: true } });
}

describe("SLA warning worker", () => {
  it("warns once before the breach and announces the breach once, in the timeline (agents only)", async () => {
    const customer = await makeUser();
    const agent = await makeUser({ role: "customer_service" });
    const t = await newTicket(customer); // built-in default: medium, 24 h resolution, warn 60 min before
    const due = new Date(t.sla_due_at).getTime();
    const prisma = await db();
    const row = await prisma.ticket.findUniqueOrThrow({ where: { id: t.id }, select: { slaWarnAt: true } });
    expect(row.slaWarnAt?.getTime()).toBe(due - HOUR);

    expect((await runSlaAlerts({ now: new Date(due - 2 * HOUR) })).warned).toBe(0);
    expect(await runSlaAlerts({ now: new Date(due - HOUR / 2) })).toMatchObject({ warned: 1, breached: 0 });
    expect(await runSlaAlerts({ now: new Date(due - HOUR / 4) })).toMatchObject({ warned: 0, breached: 0 });
    expect(await runSlaAlerts({ now: new Date(due + 1000) })).toMatchObject({ warned: 0, breached: 1 });
    expect(await runSlaAlerts({ now: new Date(due + HOUR) })).toMatchObject({ tickets: 0 });

    const events = await slaEvents(t.id);
    expect(events.map((e) => e.type).sort()).toEqual(["sla_breached", "sla_warning"]);
    expect(events.every((e) => e.isInternal && (e.data as { clock: string }).clock === "resolution")).toBe(true);
    const seen = (u: typeof agent) => supportApi.listEvents(u, { ticket: t.id }).then((r) => (r.json.results as { type: string }[]).map((e) => e.type));
    expect(await seen(agent)).toEqual(expect.arrayContaining(["sla_warning", "sla_breached"]));
    expect(await seen(customer)).not.toContain("sla_warning");
  });

  it("paused and resolved tickets are not warned", async () => {
    const customer = await makeUser();
    const admin = await makeUser({ role: "admin", isStaff: true });
    const paused = await newTicket(customer);
    const resolved = await newTicket(customer);
    await supportApi.patchTicket(admin, paused.id, { status: "pending" });
    await supportApi.patchTicket(admin, resolved.id, { status: "resolved" });
    const later = new Date(Date.now() + 48 * HOUR);
    await runSlaAlerts({ now: later });
    expect(await slaEvents(paused.id)).toEqual([]);
    expect(await slaEvents(resolved.id)).toEqual([]);
  });

  it("two workers running at once announce each warning exactly once", async () => {
    const customer = await makeUser();
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) ids.push((await newTicket(customer, { subject: `Ticket ${i}` })).id);
    const now = new Date(Date.now() + 23.5 * HOUR);
    const runs = await Promise.all([runSlaAlerts({ now, batchSize: 4 }), runSlaAlerts({ now, batchSize: 4 }), runSlaAlerts({ now, batchSize: 4 })]);
    // Whatever one run skipped (locked by another) a next run picks up.
    await runSlaAlerts({ now });
    await runSlaAlerts({ now });
    expect(runs.reduce((n, r) => n + r.breached, 0)).toBe(0);
    for (const id of ids) expect((await slaEvents(id)).map((e) => e.type)).toEqual(["sla_warning"]);
  });
});
