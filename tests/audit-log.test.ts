import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { authOptions } from "@/lib/auth/next-auth-options";
import { issueToken } from "@/lib/domain/auth/one-time-tokens";
import { recordAudit } from "@/lib/domain/audit/record-audit";
import { useTestDb } from "./support/db";
import { makeUser } from "./support/cast";
import { pathOf } from "./support/http";
import { withEnv } from "./support/env-override";
import { adminApi, auditRows } from "./support/admin";
import { capturePlan } from "@/bench/explain";

useTestDb();

const PROXY = { TRUST_PROXY_HOPS: "1" };

type Authorize = (c: Record<string, string>, req: { headers: Record<string, string> }) => Promise<{ id: string } | null>;
/** next-auth's providers as the sign-in page reaches them: [0] password, [1] magic link. */
function provider(i: 0 | 1): Authorize {
  const p = authOptions().providers[i] as unknown as { options: { authorize: Authorize } };
  return (c, req) => p.options.authorize(c, req);
}
const browser = { "x-forwarded-for": "10.0.0.1, 198.51.100.20", "user-agent": "Mozilla/5.0 (audit test)" };

describe("audit log: sign-ins", () => {
  it("records every successful sign-in, by password, magic link and API token, with where it came from", async () => {
    const u = await makeUser({ role: "customer_service", password: "signin-password-1" });
    await withEnv(PROXY, async () => {
      expect(await provider(0)({ email: u.email, password: "signin-password-1" }, { headers: browser })).toMatchObject({ id: u.id });
      const link = await issueToken(await db(), { userId: u.id, email: u.email, purpose: "magic_link" });
      expect(await provider(1)({ token: link.secret }, { headers: browser })).toMatchObject({ id: u.id });
      const api = await adminApi.obtainToken(u.email, "signin-password-1", { "x-forwarded-for": "192.0.2.33", "user-agent": "curl/8" });
      expect(api.status).toBe(200);
    });
    const rows = await auditRows({ targetId: u.id, action: "auth.signed_in" });
    expect(rows.map((r) => (r.changes as { method: string }).method)).toEqual(["password", "magic_link", "api_token_obtain"]);
    for (const r of rows) expect(r).toMatchObject({ actorId: u.id, actorEmail: u.email, targetType: "user" });
    expect(rows.map((r) => [r.ip, r.userAgent])).toEqual([
      ["198.51.100.20", "Mozilla/5.0 (audit test)"],
      ["198.51.100.20", "Mozilla/5.0 (audit test)"],
      ["192.0.2.33", "curl/8"],
    ]);
  });

  it("records failed password attempts without an actor, keeping the attempted address", async () => {
    const u = await makeUser({ password: "right-password-1" });
    const ghost = `nobody-${Date.now()}@example.test`;
    expect(await provider(0)({ email: u.email, password: "wrong" }, { headers: {} })).toBeNull();
    expect((await adminApi.obtainToken(ghost, "whatever")).status).toBe(401);
    const onUser = await auditRows({ targetId: u.id, action: "auth.sign_in_failed" });
    expect(onUser).toHaveLength(1);
    expect(onUser[0]).toMatchObject({ actorId: null, actorEmail: null, ip: null, changes: { email: u.email, method: "password", reason: "wrong_password" } });
    const prisma = await db();
    const unknown = await prisma.auditLog.findMany({ where: { action: "auth.sign_in_failed", changes: { path: ["email"], equals: ghost } } });
    expect(unknown).toHaveLength(1);
    expect(unknown[0]).toMatchObject({ targetId: null, changes: { method: "api_token_obtain", reason: "unknown_email" } });
    expect(await auditRows({ targetId: u.id, action: "auth.signed_in" })).toHaveLength(0);
  });
});

describe("GET /api/v1/audit-log/", () => {
  it("is for admins only", async () => {
    for (const role of ["customer", "customer_service", "sales_manager"] as const) {
      expect((await adminApi.auditLog(await makeUser({ role, isStaff: true }))).status).toBe(403);
    }
    expect((await adminApi.auditLog(null)).status).toBe(401);
    expect((await adminApi.auditLog(await makeUser({ role: "super_admin" }))).status).toBe(200);
  });

  it("pages newest first by cursor, and filters by actor, action, target and time", async () => {
    const prisma = await db();
    const admin = await makeUser({ role: "admin" });
    const target = await makeUser();
    const kind = `test.kind${Date.now()}`;
    const base = Date.parse("2026-03-01T12:00:00Z");
    // Five rows of one action, one a second apart (two share an instant: the id breaks the tie).
    for (const [i, at] of [0, 1, 2, 2, 3].entries()) {
      await recordAudit(prisma, { actor: admin, action: kind, targetType: "user", targetId: target.id, summary: `row ${i}`, changes: { i } });
      await prisma.auditLog.updateMany({ where: { action: kind, summary: `row ${i}` }, data: { createdAt: new Date(base + at * 1000) } });
    }
    const pages: string[][] = [];
    let r = await adminApi.auditLog(admin, { action: kind, page_size: "2" });
    for (;;) {
      expect(r.status, r.text).toBe(200);
      pages.push(r.json.results.map((e: { summary: string }) => e.summary));
      if (!r.json.next) break;
      r = await adminApi.auditLogPath(admin, pathOf(r.json.next));
    }
    expect(pages.map((p) => p.length)).toEqual([2, 2, 1]);
    const order = pages.flat();
    expect(order[0]).toBe("row 4");
    expect(order.slice(1, 3).sort()).toEqual(["row 2", "row 3"]);
    expect(order.slice(3)).toEqual(["row 1", "row 0"]);
    // Back from the last page.
    const back = await adminApi.auditLogPath(admin, pathOf(r.json.previous));
    expect(back.json.results.map((e: { summary: string }) => e.summary)).toEqual(pages[1]);

    const first = (await adminApi.auditLog(admin, { action: kind, page_size: "1" })).json.results[0];
    expect(first).toMatchObject({
      action: kind, target_type: "user", target_id: target.id, summary: "row 4", changes: { i: 4 },
      actor: { id: admin.id, email: admin.email, name: admin.name }, actor_email: admin.email, ip: null, user_agent: null,
      created_at: "2026-03-01T12:00:03.000Z",
    });

    const count = async (q: Record<string, string>) => (await adminApi.auditLog(admin, { action: kind, ...q })).json.results.length;
    expect(await count({ actor: admin.id })).toBe(5);
    expect(await count({ actor: target.id })).toBe(0);
    expect(await count({ target_type: "user", target_id: target.id })).toBe(5);
    expect(await count({ target_id: admin.id })).toBe(0);
    expect(await count({ created_after: "2026-03-01T12:00:02Z" })).toBe(3);
    expect(await count({ created_before: "2026-03-01T12:00:01Z" })).toBe(2);
    expect(await count({ created_after: "2026-03-02" })).toBe(0);
    const bad = await adminApi.auditLog(admin, { actor: "nope", created_after: "yesterday" });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.json).sort()).toEqual(["actor", "created"]);
  });

  it("keeps a deleted actor's address", async () => {
    const prisma = await db();
    const admin = await makeUser({ role: "admin" });
    const gone = await makeUser({ role: "admin" });
    const kind = `test.gone${Date.now()}`;
    await recordAudit(prisma, { actor: gone, action: kind, summary: "before leaving" });
    await prisma.user.delete({ where: { id: gone.id } });
    const [e] = (await adminApi.auditLog(admin, { action: kind })).json.results;
    expect(e).toMatchObject({ actor: null, actor_email: gone.email, summary: "before leaving" });
  });
});

describe("audit log plans", () => {
  interface PlanNode { "Node Type": string; "Relation Name"?: string; "Index Name"?: string; Plans?: PlanNode[] }
  const nodes = (n: PlanNode): PlanNode[] => [n, ...(n.Plans ?? []).flatMap(nodes)];
  const isAuditList = (sql: string) => /FROM "[^"]+"\."audit_log"/.test(sql) && /ORDER BY/.test(sql) && /LIMIT/.test(sql);

  async function plan(run: () => Promise<{ status: number }>): Promise<PlanNode[]> {
    let status = 0;
    const out = await capturePlan(async () => (status = (await run()).status), isAuditList, "EXPLAIN (FORMAT JSON)");
    expect(status).toBe(200);
    return nodes((JSON.parse(out.join("\n")) as { Plan: PlanNode }[])[0].Plan);
  }
  const indexes = (p: PlanNode[]) => p.filter((n) => n["Index Name"]).map((n) => n["Index Name"]);
  const types = (p: PlanNode[]) => p.map((n) => `${n["Node Type"]} ${n["Relation Name"] ?? ""}`.trim());

  it("reads pages newest first, deep ones too, from the (created_at, id) index without sorting", async () => {
    const prisma = await db();
    const admin = await makeUser({ role: "admin" });
    await prisma.$executeRawUnsafe(`INSERT INTO audit_log (id, actor_id, actor_email, action, summary, created_at)
      SELECT md5('a' || n)::uuid, NULL, 'x@example.test', CASE WHEN n % 50 = 0 THEN 'user.updated' ELSE 'auth.signed_in' END,
             'row ' || n, timestamptz '2026-01-01' + n * interval '1 second'
      FROM generate_series(1, 40000) n`);
    await prisma.$executeRawUnsafe("ANALYZE audit_log");

    const first = await plan(() => adminApi.auditLog(admin));
    expect(types(first)).not.toContain("Seq Scan audit_log");
    expect(types(first)).not.toContain("Sort");
    expect(indexes(first)).toContain("audit_log_created_at_id_idx");

    let page = await adminApi.auditLog(admin, { page_size: "100" });
    for (let i = 0; i < 3; i++) page = await adminApi.auditLogPath(admin, pathOf(page.json.next));
    const deep = await plan(() => adminApi.auditLogPath(admin, pathOf(page.json.next)));
    expect(types(deep)).not.toContain("Seq Scan audit_log");
    expect(types(deep)).not.toContain("Sort");

    const byAction = await plan(() => adminApi.auditLog(admin, { action: "user.updated" }));
    expect(types(byAction)).not.toContain("Seq Scan audit_log");
    expect(indexes(byAction).some((i) => i === "audit_log_action_created_at_idx" || i === "audit_log_created_at_id_idx")).toBe(true);
  });
});
