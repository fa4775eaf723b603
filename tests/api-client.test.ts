import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { createApiClient } from "@/lib/api-client/client";
import { ApiError, STALE_MESSAGE } from "@/lib/api-client/errors";
import { generateApiClientTypes, SCHEMA_TYPES_PATH } from "@/scripts/generate-api-client";
import { agentReplies, crmFlow, customerOpensTicket, slaQueue } from "./api-client-flows.typecheck";
import { makeUser } from "./support/cast";
import { useTestDb } from "./support/db";
import { routeFetch } from "./support/route-fetch";

const ROOT = path.resolve(import.meta.dirname, "..");
const FLOWS = path.join(ROOT, "tests", "api-client-flows.typecheck.ts");
const tmp = mkdtempSync(path.join(tmpdir(), "caseflow-client-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** tsc over the given files with the app's compiler options; returns its diagnostics. */
async function typecheck(files: string[]): Promise<string> {
  const config = path.join(tmp, "tsconfig.json");
  writeFileSync(config, JSON.stringify({
    extends: path.join(ROOT, "tsconfig.json"),
    compilerOptions: { incremental: false, noEmit: true, plugins: [] },
    include: files,
  }));
  const tsc = path.join(ROOT, "node_modules", "typescript", "bin", "tsc");
  try {
    await promisify(execFile)(process.execPath, [tsc, "-p", config, "--pretty", "false"], { cwd: ROOT });
    return "";
  } catch (e) {
    return String((e as { stdout?: string }).stdout ?? e);
  }
}

describe("generated API client", () => {
  it("is current: lib/api-client/schema.ts is what `npm run api:client` generates from the document", async () => {
    const committed = readFileSync(SCHEMA_TYPES_PATH, "utf8");
    expect(committed === (await generateApiClientTypes()), "lib/api-client/schema.ts is stale: run `npm run api:client` and commit it").toBe(true);
  });

  it("compiles the sample flows, and refuses them once a field name is wrong", async () => {
    // The same flows with one renamed field must fail: proof that the check has teeth.
    const mutant = path.join(tmp, "mutant-flows.ts");
    const source = readFileSync(FLOWS, "utf8");
    expect(source).toContain("initial_message: \"The screen is cracked.\"");
    writeFileSync(mutant, source.replace("initial_message: \"The screen is cracked.\"", "initial_mesage: \"The screen is cracked.\""));
    const out = await typecheck([FLOWS, mutant]);
    const lines = out.split("\n").filter(Boolean);
    expect(lines.filter((l) => l.includes("api-client-flows.typecheck.ts")), out).toEqual([]);
    expect(lines.some((l) => l.includes("mutant-flows.ts") && l.includes("'initial_mesage'")), out).toBe(true);
  }, 300_000); // a tsc process: slow, not wrong, on a loaded machine
});

describe("generated API client against the real route handlers", () => {
  useTestDb();
  const clientFor = (user: { token: string }) =>
    createApiClient({ baseUrl: "http://caseflow.test", fetch: routeFetch, headers: { Authorization: `Bearer ${user.token}` } });

  it("runs the sample flows", async () => {
    const customer = await makeUser({ email: "casey@example.test" });
    const agentUser = await makeUser({ role: "customer_service" });
    const [c, a] = [clientFor(customer), clientFor(agentUser)];

    const opened = await customerOpensTicket(c);
    expect(opened.ticket.status).toBe("new");
    expect(opened.etag).toBeTruthy();
    expect(opened.bodies).toEqual(["The screen is cracked."]);
    expect(opened.unread).toBe(0);

    const worked = await agentReplies(a, agentUser.id, opened.ticket.id);
    expect(worked).toMatchObject({ assignee: agentUser.id, status: "assigned", reply: "outbound", note: true });
    expect(worked.events).toContain("assignment_changed");

    await a.PATCH("/api/v1/support/tickets/{id}/", { path: { id: opened.ticket.id }, body: { sla_due_at: "2020-01-01T00:00:00Z" } });
    const queue = await slaQueue(a);
    expect(queue.overdue).toEqual([true]);
    expect(queue.requesters).toEqual(["casey@example.test"]);

    const crm = await crmFlow(a, agentUser.id);
    expect(crm.number).toMatch(/^T-\d{8}-\d{4}$/);
    expect(crm).toMatchObject({ comments: ["I've restarted the device."], status: "assigned", listed: true, total: 2 });
  });

  it("throws DRF errors as ApiError with field messages; a stale edit gets the one stale message", async () => {
    const agentUser = await makeUser({ role: "admin" });
    const a = clientFor(agentUser);
    const bad = await a.GET("/api/v1/support/tickets/", { query: { status: "nope" as "new" } }).catch((e) => e);
    expect(bad).toBeInstanceOf(ApiError);
    expect(bad.status).toBe(400);
    expect(bad.field("status")).toBe('"nope" is not a valid choice.');

    const { data: t } = await a.POST("/api/v1/support/tickets/", { body: { subject: "Stale" } });
    const stale = await a
      .PATCH("/api/v1/support/tickets/{id}/", { path: { id: t.id }, body: { priority: "high" }, headers: { "If-Match": '"old"' } })
      .catch((e) => e);
    expect(stale.status).toBe(412);
    expect(stale.message).toBe(STALE_MESSAGE);

    const missing = await a.GET("/api/v1/support/tickets/{id}/", { path: { id: "not-a-uuid" } }).catch((e) => e);
    expect([missing.status, missing.message]).toEqual([404, "Not found."]);
  });
});
