import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { runSlaAlerts } from "@/lib/sla/alert-worker";
import { useTestDb } from "./support/db";
import { withEnv } from "./support/env-override";
import { makeUser } from "./support/cast";
import { supportApi } from "./support/api";
import { newTicket, outbox } from "./support/fixtures";
import { renderNotification } from "@/lib/notifications/render-notification";
import type { NotificationKind } from "@/lib/db/generated/client";

useTestDb();

const HOUR = 3_600_000;

async function slaEvents(ticketId: string) {
  const prisma = await db();
  return prisma.event.findMany({ where: { ticketId, type: { in: ["sla_warning", "sla_breached"] } }, select: { type: true, data: true, isInternal: true } });
}

/** The SLA emails queued for a ticket, as [kind, address] pairs, sorted. */
async function slaMail(ticketId: string, kind?: NotificationKind) {
  const rows = await outbox({ ticketId, kind: kind ? kind : { in: ["sla_warning", "sla_breached"] } });
  return rows.map((n) => `${n.kind} ${n.toEmail}`).sort();
}

/** The in-app SLA notifications of a ticket, as "kind userId" pairs, sorted. */
async function slaInApp(ticketId: string) {
  const prisma = await db();
  const rows = await prisma.userNotification.findMany({ where: { ticketId }, select: { kind: true, userId: true } });
  return rows.map((n) => `${n.kind} ${n.userId}`).sort();
}

async function makeTeam(...members: { id: string }[]) {
  const prisma = await db();
  const team = await prisma.team.create({ data: { name: `SLA team ${Date.now()} ${Math.random()}` } });
  for (const m of members) await prisma.user.update({ where: { id: m.id }, data: { teamId: team.id } });
  return team;
}

async function mute(userId: string, kind: NotificationKind) {
  const prisma = await db();
  await prisma.notificationPreference.create({ data: { userId, kind, enabled: false } });
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

  it("emails the assignee before a breach, and the assignee and the admins on breach: once, never the customer, the muted or the deactivated", async () => {
    const prisma = await db();
    const customer = await makeUser({ name: "Dana Whitfield" });
    const agent = await makeUser({ role: "customer_service", name: "Sam Ortega" });
    const teammate = await makeUser({ role: "customer_service" });
    const admin = await makeUser({ role: "admin", isStaff: true });
    const superAdmin = await makeUser({ role: "super_admin", isStaff: true });
    const mutedAdmin = await makeUser({ role: "admin", isStaff: true });
    const goneAdmin = await makeUser({ role: "admin", isStaff: true });
    await mute(mutedAdmin.id, "sla_breached");
    await prisma.user.update({ where: { id: goneAdmin.id }, data: { isActive: false } });
    const t = await newTicket(customer, { subject: "Refund for order #10482" });
    const team = await makeTeam(teammate);
    await prisma.ticket.update({ where: { id: t.id }, data: { assignedTeamId: team.id } });
    expect((await supportApi.patchTicket(agent, t.id, { assigned_to: agent.id })).status).toBe(200);
    const due = new Date(t.sla_due_at).getTime();

    await runSlaAlerts({ now: new Date(due - HOUR / 2) });
    await runSlaAlerts({ now: new Date(due - HOUR / 4) });
    // Assigned: the assignee only, not the team.
    expect(await slaMail(t.id)).toEqual([`sla_warning ${agent.email}`]);
    const [warning] = await outbox({ ticketId: t.id, kind: "sla_warning" });
    expect(warning.recipientId).toBe(agent.id);
    const wm = await renderNotification("sla_warning", warning.payload);
    expect(wm.subject).toBe(`[${t.ticket_number}] Resolution due in 30 min: Refund for order #10482`);
    expect(wm.text).toContain(`http://localhost:3000/agent/tickets/${t.id}/`);
    expect(wm.text).toContain("you are assigned to this ticket");
    expect(wm.html).toContain(`/agent/tickets/${t.id}/`);

    await runSlaAlerts({ now: new Date(due + 1000) });
    await runSlaAlerts({ now: new Date(due + HOUR) });
    // Every active admin and super admin who did not mute breaches (other tests' admins included).
    const admins = await prisma.user.findMany({
      where: { role: { in: ["admin", "super_admin"] }, isActive: true, NOT: { id: { in: [mutedAdmin.id] } } },
      select: { email: true },
    });
    expect(admins.map((a) => a.email)).toEqual(expect.arrayContaining([admin.email, superAdmin.email]));
    expect(await slaMail(t.id, "sla_breached")).toEqual([agent.email, ...admins.map((a) => a.email)].map((e) => `sla_breached ${e}`).sort());
    const all = (await outbox({ ticketId: t.id, kind: { in: ["sla_warning", "sla_breached"] } })).map((n) => n.toEmail);
    for (const nobody of [customer.email, teammate.email, mutedAdmin.email, goneAdmin.email]) expect(all).not.toContain(nobody);
    // In-app: the same people, plus the admin who muted breach emails (mutes are email
    // switches); never the customer, the team of an assigned ticket or the deactivated.
    const adminIds = (await prisma.user.findMany({ where: { role: { in: ["admin", "super_admin"] }, isActive: true }, select: { id: true } })).map((u) => u.id);
    expect(adminIds).toContain(mutedAdmin.id);
    expect(await slaInApp(t.id)).toEqual(
      [`sla_warning ${agent.id}`, `sla_breached ${agent.id}`, ...adminIds.map((id) => `sla_breached ${id}`)].sort(),
    );
    const [breach] = await outbox({ ticketId: t.id, kind: "sla_breached", toEmail: admin.email });
    const bm = await renderNotification("sla_breached", breach.payload);
    expect(bm.subject).toBe(`SLA breached: resolution on ${t.ticket_number}: Refund for order #10482`);
    expect(bm.text).toContain(`http://localhost:3000/agent/tickets/${t.id}/`);
    expect(bm.text).toContain("you are an administrator");
  });

  it("an unassigned ticket's warning goes to its team's active agents who did not mute it", async () => {
    const prisma = await db();
    const customer = await makeUser();
    const [a, b, muted, gone] = [await makeUser({ role: "customer_service" }), await makeUser({ role: "customer_service" }), await makeUser({ role: "customer_service" }), await makeUser({ role: "customer_service" })];
    const customerInTeam = await makeUser(); // not an agent: never gets workspace links
    const team = await makeTeam(a, b, muted, gone, customerInTeam);
    await mute(muted.id, "sla_warning");
    await prisma.user.update({ where: { id: gone.id }, data: { isActive: false } });
    const t = await newTicket(customer);
    await prisma.ticket.update({ where: { id: t.id }, data: { assignedTeamId: team.id, assignedToId: null } });
    const due = new Date(t.sla_due_at).getTime();
    await runSlaAlerts({ now: new Date(due - HOUR / 2) });
    expect(await slaMail(t.id)).toEqual([a.email, b.email].map((e) => `sla_warning ${e}`).sort());
    // The muted teammate still sees it in the app; the deactivated one and the customer do not.
    expect(await slaInApp(t.id)).toEqual([a.id, b.id, muted.id].map((u) => `sla_warning ${u}`).sort());
    const [one] = await outbox({ ticketId: t.id, kind: "sla_warning" });
    expect((await renderNotification("sla_warning", one.payload)).text).toContain("you are on the team for this ticket");
  });

  it("three workers at once: exactly one warning email per clock per ticket per recipient", async () => {
    const prisma = await db();
    const customer = await makeUser();
    const m1 = await makeUser({ role: "customer_service" });
    const m2 = await makeUser({ role: "customer_service" });
    const team = await makeTeam(m1, m2);
    const ids: string[] = [];
    for (let i = 0; i < 8; i++) ids.push((await newTicket(customer, { subject: `Race ${i}` })).id);
    await prisma.ticket.updateMany({ where: { id: { in: ids } }, data: { assignedTeamId: team.id, assignedToId: null } });
    const due = Math.max(...(await prisma.ticket.findMany({ where: { id: { in: ids } }, select: { slaDueAt: true } })).map((r) => r.slaDueAt!.getTime()));
    const now = new Date(due - HOUR / 2);
    for (let round = 0; round < 3; round++) {
      await Promise.all([runSlaAlerts({ now, batchSize: 3 }), runSlaAlerts({ now, batchSize: 3 }), runSlaAlerts({ now, batchSize: 3 })]);
    }
    for (const id of ids) {
      expect(await slaMail(id)).toEqual([m1.email, m2.email].map((e) => `sla_warning ${e}`).sort());
      expect(await slaInApp(id)).toEqual([m1.id, m2.id].map((u) => `sla_warning ${u}`).sort());
      expect((await slaEvents(id)).map((e) => e.type)).toEqual(["sla_warning"]);
    }
    const rows = await prisma.notification.findMany({ where: { ticketId: { in: ids }, kind: "sla_warning" }, select: { payload: true } });
    expect(rows.every((r) => (r.payload as { sla: { clock: string } }).sla.clock === "resolution")).toBe(true);
  });

  it("with mail switched off, the in-app notification is still written, once, with the ticket's words", async () => {
    await withEnv({ NOTIFY_SLA_WARNING: "off" }, async () => {
      const customer = await makeUser();
      const agent = await makeUser({ role: "customer_service" });
      const t = await newTicket(customer, { subject: "Printer on fire" });
      expect((await supportApi.patchTicket(agent, t.id, { assigned_to: agent.id })).status).toBe(200);
      const due = new Date(t.sla_due_at).getTime();
      await Promise.all([runSlaAlerts({ now: new Date(due - HOUR / 2) }), runSlaAlerts({ now: new Date(due - HOUR / 2) })]);
      await runSlaAlerts({ now: new Date(due - HOUR / 2) });
      expect(await slaMail(t.id)).toEqual([]);
      const prisma = await db();
      const rows = await prisma.userNotification.findMany({ where: { ticketId: t.id } });
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ userId: agent.id, kind: "sla_warning", title: "Resolution due in 30 min", body: `${t.ticket_number} · Printer on fire`, readAt: null });
    });
  });
});
