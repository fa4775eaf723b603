import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import * as listRoute from "@/app/api/v1/support/notifications/route";
import * as countRoute from "@/app/api/v1/support/notifications/unread-count/route";
import * as readRoute from "@/app/api/v1/support/notifications/[id]/read/route";
import * as readAllRoute from "@/app/api/v1/support/notifications/read-all/route";
import { runSlaAlerts } from "@/lib/sla/alert-worker";
import { useTestDb } from "./support/db";
import { makeUser } from "./support/cast";
import { call, handler as h, pathOf } from "./support/http";
import { supportApi } from "./support/api";
import { newTicket } from "./support/fixtures";

useTestDb();

type U = { token: string } | null;
const bell = {
  list: (u: U, query: Record<string, string> = {}) => call(h(listRoute.GET), "GET", "/api/v1/support/notifications/", { user: u, query }),
  listPath: (u: U, path: string) => call(h(listRoute.GET), "GET", path, { user: u }),
  count: (u: U) => call(h(countRoute.GET), "GET", "/api/v1/support/notifications/unread-count/", { user: u }),
  read: (u: U, id: string) => call(h(readRoute.POST), "POST", `/api/v1/support/notifications/${id}/read/`, { user: u, params: { id } }),
  readAll: (u: U) => call(h(readAllRoute.POST), "POST", "/api/v1/support/notifications/read-all/", { user: u }),
};

const HOUR = 3_600_000;

/** n notifications for a user, one a minute apart (the newest last), straight into the table. */
async function seed(userId: string, n: number, ticketId: string | null = null) {
  const prisma = await db();
  const base = Date.UTC(2026, 0, 1);
  await prisma.userNotification.createMany({
    data: Array.from({ length: n }, (_, i) => ({ userId, kind: "sla_warning" as const, ticketId, title: `N${i}`, createdAt: new Date(base + i * 60_000) })),
  });
}

describe("in-app notifications API", () => {
  it("an SLA warning reaches the assignee's bell: listed with its ticket link, counted, read once", async () => {
    const customer = await makeUser();
    const agent = await makeUser({ role: "customer_service" });
    const other = await makeUser({ role: "customer_service" });
    const t = await newTicket(customer, { subject: "Broken login" });
    expect((await supportApi.patchTicket(agent, t.id, { assigned_to: agent.id })).status).toBe(200);
    expect((await bell.count(agent)).json).toEqual({ unread_count: 0, more: false, label: "0" });
    await runSlaAlerts({ now: new Date(new Date(t.sla_due_at).getTime() - HOUR / 2) });

    const r = await bell.list(agent);
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ next: null, previous: null });
    expect(r.json.results).toEqual([
      {
        id: expect.any(String),
        kind: "sla_warning",
        ticket: t.id,
        ticket_number: t.ticket_number,
        title: "Resolution due in 30 min",
        body: `${t.ticket_number} · Broken login`,
        url: `/agent/tickets/${t.id}/`,
        is_read: false,
        read_at: null,
        created_at: expect.any(String),
      },
    ]);
    expect((await bell.count(agent)).json).toEqual({ unread_count: 1, more: false, label: "1" });
    // Someone else's notification does not exist for them: not listed, not readable.
    expect((await bell.list(other)).json.results).toEqual([]);
    const id = r.json.results[0].id as string;
    expect((await bell.read(other, id)).status).toBe(404);
    expect((await bell.read(agent, "not-a-uuid")).status).toBe(404);

    const first = await bell.read(agent, id);
    expect(first.status).toBe(200);
    expect(first.json).toMatchObject({ id, is_read: true, read_at: expect.any(String) });
    const again = await bell.read(agent, id);
    expect(again.json.read_at).toBe(first.json.read_at);
    expect((await bell.count(agent)).json).toEqual({ unread_count: 0, more: false, label: "0" });
    expect((await bell.list(agent, { unread: "true" })).json.results).toEqual([]);
    expect((await bell.list(agent, { unread: "false" })).json.results.map((n: { id: string }) => n.id)).toEqual([id]);
  });

  it("pages newest first by cursor; the unread count stops at 99+; read-all marks only the caller's", async () => {
    const agent = await makeUser({ role: "customer_service" });
    const other = await makeUser({ role: "customer_service" });
    await seed(agent.id, 120);
    await seed(other.id, 3);
    expect((await bell.count(agent)).json).toEqual({ unread_count: 99, more: true, label: "99+" });

    const seen: string[] = [];
    let r = await bell.list(agent, { page_size: "50" });
    seen.push(...r.json.results.map((n: { title: string }) => n.title));
    while (r.json.next) {
      r = await bell.listPath(agent, pathOf(r.json.next));
      expect(r.status).toBe(200);
      seen.push(...r.json.results.map((n: { title: string }) => n.title));
    }
    expect(seen).toEqual(Array.from({ length: 120 }, (_, i) => `N${119 - i}`));

    const prisma = await db();
    const some = await prisma.userNotification.findMany({ where: { userId: agent.id }, orderBy: { createdAt: "asc" }, take: 30, select: { id: true } });
    for (const n of some) await bell.read(agent, n.id);
    expect((await bell.count(agent)).json).toEqual({ unread_count: 90, more: false, label: "90" });
    const unread = await bell.list(agent, { unread: "true", page_size: "100" });
    expect(unread.json.results).toHaveLength(90);
    expect(unread.json.results[0].title).toBe("N119");

    const all = await bell.readAll(agent);
    expect(all.status).toBe(200);
    expect(all.json).toEqual({ marked: 90 });
    expect((await bell.readAll(agent)).json).toEqual({ marked: 0 });
    expect((await bell.count(agent)).json.unread_count).toBe(0);
    expect((await bell.count(other)).json).toEqual({ unread_count: 3, more: false, label: "3" });
  });

  it("anonymous is 401; wrong methods 405; a bad cursor 404", async () => {
    expect((await bell.list(null)).status).toBe(401);
    expect((await bell.count(null)).status).toBe(401);
    expect((await bell.readAll(null)).status).toBe(401);
    const agent = await makeUser({ role: "customer_service" });
    expect((await call(h(listRoute.POST), "POST", "/api/v1/support/notifications/", { user: agent, body: {} })).status).toBe(405);
    expect((await call(h(readAllRoute.GET), "GET", "/api/v1/support/notifications/read-all/", { user: agent })).status).toBe(405);
    expect((await bell.list(agent, { cursor: "garbage" })).status).toBe(404);
  });
});
