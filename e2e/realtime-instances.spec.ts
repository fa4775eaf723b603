import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import path from "node:path";
import { expect, test } from "@playwright/test";
import pg from "pg";

/**
 * Two `next start` instances on one PostgreSQL database: a reply posted through instance A's
 * API reaches an agent's browser connected to instance B, through LISTEN/NOTIFY. Needs the
 * production build the suite's own server uses, and PostgreSQL (E2E_PG_URL, default the local
 * server, where this spec creates and drops its own database).
 */
const root = path.resolve(import.meta.dirname ?? __dirname, "..");
const server = process.env.E2E_PG_URL || "postgres://postgres@127.0.0.1:5432/postgres";
const name = `caseflow_e2e_rt_${process.pid}`;
const url = new URL(server);
url.pathname = `/${name}`;
const PORTS = [3201, 3202];
const base = (i: number) => `http://localhost:${PORTS[i]}`;
const AGENT = { email: "rt-agent@caseflow.test", password: "realtime-agent-pass" };
const CUSTOMER = { email: "rt-customer@caseflow.test", password: "realtime-customer-pass" };
const servers: ChildProcess[] = [];

function env(port: number): NodeJS.ProcessEnv {
  return {
    ...process.env,
    PORT: String(port),
    DATABASE_URL: url.toString(),
    DATA_DIR: "",
    AUTH_SECRET: "e2e-realtime-secret-0123456789-0123456789",
    NEXTAUTH_URL: `http://localhost:${port}`,
    NOTIFICATIONS_WORKER: "off",
    MAIL_TRANSPORT: "local",
    RESEND_API_KEY: "",
    NEXT_TELEMETRY_DISABLED: "1",
  };
}

async function up(port: number) {
  for (let i = 0; i < 240; i++) {
    const ok = await fetch(`http://localhost:${port}/signin/`).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`instance on port ${port} did not start`);
}

test.describe.configure({ timeout: 180_000 });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const tsx = path.join(root, "node_modules", ".bin", "tsx");
  for (const [u, role] of [[AGENT, "customer_service"], [CUSTOMER, "customer"]] as const) {
    const r = spawnSync(tsx, ["scripts/user-create.ts", "--email", u.email, "--password", u.password, "--role", role, "--name", role === "customer" ? "Rita Customer" : "Alex Agent"], { cwd: root, env: env(PORTS[0]), encoding: "utf8" });
    expect(r.status, r.stderr).toBe(0);
  }
  for (const port of PORTS) {
    servers.push(spawn(process.execPath, ["scripts/run.mjs", "start"], { cwd: root, env: env(port), stdio: "ignore" }));
  }
  await Promise.all(PORTS.map(up));
});

test.afterAll(async () => {
  for (const s of servers) s.kill("SIGTERM");
  await new Promise((r) => setTimeout(r, 1000));
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
});

async function token(i: number, u: { email: string; password: string }) {
  const r = await fetch(`${base(i)}/api/v1/auth/token/`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(u) });
  expect(r.status).toBe(200);
  return (await r.json()).access as string;
}

test("a reply posted through instance A appears in an agent's browser on instance B", async ({ page }) => {
  const customer = await token(0, CUSTOMER);
  const created = await fetch(`${base(0)}/api/v1/support/tickets/`, {
    method: "POST",
    headers: { authorization: `Bearer ${customer}`, "content-type": "application/json" },
    body: JSON.stringify({ subject: "Parcel stuck in customs", initial_message: "It has been a week." }),
  });
  expect(created.status).toBe(201);
  const ticket = (await created.json()).id as string;

  await page.goto(`${base(1)}/signin/`);
  await page.getByLabel("Email").fill(AGENT.email);
  await page.getByLabel("Password").fill(AGENT.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((u) => u.pathname === "/agent/");
  const streamOpen = page.waitForResponse((r) => r.url().includes("/api/v1/support/stream/") && r.status() === 200);
  await page.goto(`${base(1)}/agent/tickets/${ticket}/`);
  await streamOpen;
  // Within the conversation as people see it: once, in a full run on a busy machine, a second
  // copy of the message outside the accessibility tree (the streamed page before its swap)
  // matched a page-wide getByText as well.
  const conversation = page.getByRole("list", { name: "Conversation" });
  await expect(conversation.getByText("It has been a week.")).toBeVisible();

  const body = `Any news? ${Date.now()}`;
  const t0 = Date.now();
  const posted = await fetch(`${base(0)}/api/v1/support/messages/`, {
    method: "POST",
    headers: { authorization: `Bearer ${customer}`, "content-type": "application/json" },
    body: JSON.stringify({ ticket, body }),
  });
  expect(posted.status).toBe(201);
  await expect(conversation.getByText(body)).toBeVisible();
  console.log(`realtime across instances: rendered on B ${Date.now() - t0} ms after A accepted the reply`);
  // The page was live the whole time (no "Reconnecting…": it was not in its polling fallback).
  await expect(page.locator("[data-live-state]")).toHaveCount(0);
});
