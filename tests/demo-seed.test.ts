import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { DemoSeedRefusedError, seedDemo, type DemoSeedResult } from "@/lib/demo/seed-demo";
import { CHANNELS, PRIORITIES, STATUSES } from "@/lib/schemas/common";
import { useTestDb } from "./support/db";

useTestDb();

// One seeding for the whole file: it acts out ~300 tickets through the domain (~30 s).
let result: DemoSeedResult | null;
beforeAll(async () => {
  result = await seedDemo();
}, 240_000);

const rows = async <T,>(sql: string) => (await db()).$queryRawUnsafe<T[]>(sql);
const num = (v: unknown) => Number(v);

describe("demo seed", () => {
  it("creates every status, priority and channel", async () => {
    expect(result?.tickets).toBeGreaterThanOrEqual(250);
    const present = async (col: string) => (await rows<{ v: string }>(`SELECT DISTINCT ${col}::text AS v FROM tickets`)).map((r) => r.v).sort();
    expect(await present("status")).toEqual([...STATUSES].sort());
    expect(await present("priority")).toEqual([...PRIORITIES].sort());
    expect(await present("channel")).toEqual([...CHANNELS].sort());
  });

  it("has overdue open tickets, unread counts on both sides, notes, AI summaries, watchers and files", async () => {
    const [r] = await rows<Record<string, bigint>>(`
      SELECT count(*) FILTER (WHERE sla_due_at < now() AND status IN ('new','assigned','in_progress','pending')) AS overdue,
             count(*) FILTER (WHERE unread_by_agent > 0) AS unread_agent,
             count(*) FILTER (WHERE unread_by_customer > 0) AS unread_customer,
             count(*) FILTER (WHERE ai_summary IS NOT NULL AND ai_confidence_score IS NOT NULL) AS ai,
             (SELECT count(*) FROM messages WHERE is_internal) AS notes,
             (SELECT count(*) FROM ticket_watchers) AS watchers,
             (SELECT count(*) FROM attachments) AS files
      FROM tickets`);
    for (const [k, v] of Object.entries(r)) expect(num(v), k).toBeGreaterThan(0);
  });

  it("lists every sign-in it prints in the README", async () => {
    const readme = fs.readFileSync(path.resolve(import.meta.dirname, "../README.md"), "utf8");
    for (const s of result!.signIns) expect(readme, s.email).toMatch(new RegExp(`\\| \`${s.email.replace(/\./g, "\\.")}\` \\| ${s.role}\\b`));
  });

  it("writes each AI summary about its own ticket", async () => {
    const summaries = await rows<{ subject: string; ai_summary: string; status: string }>(
      `SELECT subject, ai_summary, status::text AS status FROM tickets WHERE ai_summary IS NOT NULL`);
    expect(summaries.length).toBeGreaterThan(0);
    const wrong = summaries.filter((t) => !t.ai_summary.includes(`("${t.subject}")`));
    expect(wrong).toEqual([]);
    // And where it stands: a summary never calls an open ticket resolved, or a resolved one open.
    const confused = summaries.filter((t) => (t.status === "resolved") !== t.ai_summary.includes("Resolved;"));
    expect(confused).toEqual([]);
  });

  it("keeps the counters consistent with the messages", async () => {
    const bad = await rows<{ id: string }>(`
      SELECT t.id FROM tickets t
      LEFT JOIN LATERAL (
        SELECT count(*) FILTER (WHERE NOT m.is_internal) AS pub,
               count(*) FILTER (WHERE m.is_internal) AS internal,
               max(m.created_at) FILTER (WHERE NOT m.is_internal) AS last_pub
        FROM messages m WHERE m.ticket_id = t.id) c ON true
      WHERE t.public_message_count <> c.pub OR t.internal_message_count <> c.internal
         OR (c.pub > 0 AND t.last_message_at <> c.last_pub)`);
    expect(bad).toEqual([]);
    const [future] = await rows<{ n: bigint }>(`SELECT count(*) AS n FROM messages WHERE created_at > now()`);
    expect(num(future.n)).toBe(0);
  });

  it("gives the demo agent and the demo customer busy views", async () => {
    const [r] = await rows<Record<string, bigint>>(`
      SELECT (SELECT count(*) FROM tickets t JOIN users u ON u.id = t.assigned_to_id WHERE u.email = 'agent@caseflow.test') AS agent,
             (SELECT count(*) FROM tickets t JOIN users u ON u.id = t.user_id WHERE u.email = 'customer@caseflow.test') AS customer,
             (SELECT count(*) FROM tickets t JOIN users u ON u.id = t.user_id WHERE u.email = 'customer@caseflow.test' AND t.unread_by_customer > 0) AS customer_unread`);
    expect(num(r.agent)).toBeGreaterThan(20);
    expect(num(r.customer)).toBeGreaterThan(5);
    expect(num(r.customer_unread)).toBeGreaterThan(0);
  });

  it("includes an unverified sign-up whose confirmation email is queued", async () => {
    const prisma = await db();
    const u = await prisma.user.findUniqueOrThrow({ where: { email: "newcomer@caseflow.test" } });
    expect(u.emailVerifiedAt).toBeNull();
    expect(await prisma.notification.count({ where: { toEmail: u.email, kind: "account_verify_email" } })).toBe(1);
  });

  it("includes a pending invitation of an agent whose email is queued", async () => {
    const prisma = await db();
    const inv = await prisma.invitation.findFirstOrThrow({ where: { email: "invited.agent@caseflow.test" }, include: { team: true, invitedBy: true } });
    expect(inv).toMatchObject({ role: "customer_service", acceptedAt: null, revokedAt: null });
    expect(inv.team?.name).toBe("Support");
    expect(inv.invitedBy?.email).toBe("admin@caseflow.test");
    expect(inv.expiresAt.getTime()).toBeGreaterThan(Date.now());
    expect(await prisma.notification.count({ where: { toEmail: inv.email, kind: "account_invitation" } })).toBe(1);
  });

  it("never runs on a database that has users", async () => {
    const before = await (await db()).ticket.count();
    await expect(seedDemo()).rejects.toBeInstanceOf(DemoSeedRefusedError);
    await expect(seedDemo({ ifEmpty: true })).resolves.toBeNull();
    expect(await (await db()).ticket.count()).toBe(before);
  });
});
