import AxeBuilder from "@axe-core/playwright";
import fs from "node:fs";
import path from "node:path";
import { expect, type Browser, type Page } from "@playwright/test";
import { pngSize } from "../tests/support/png";
import { SEED_DATA_FILE, USERS, type UserKey } from "./users";

/** What e2e/seed-data.ts created: ticket ids by subject, Casey's order, user ids. */
export interface SeedData {
  ids: Record<string, string>;
  caseyOrder: { id: string; number: string };
  users: Record<UserKey, string>;
}

export function seedData(): SeedData {
  return JSON.parse(fs.readFileSync(SEED_DATA_FILE, "utf8"));
}

/** Signs in through the real form (next-auth credentials) and waits for the landing page. */
export async function signIn(page: Page, who: UserKey, callbackUrl?: string) {
  const u = USERS[who];
  await page.goto(`/signin/${callbackUrl ? `?callbackUrl=${encodeURIComponent(callbackUrl)}` : ""}`);
  await page.getByLabel("Email").fill(u.email);
  await page.getByLabel("Password").fill(u.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  const landing = callbackUrl ?? (u.role === "customer" ? "/portal/" : "/agent/");
  await page.waitForURL((url) => url.pathname === landing.split("?")[0]);
}

/** GET the support API as the page's signed-in user (same session cookie). */
export async function apiGet<T = any>(page: Page, url: string): Promise<T> {
  const res = await page.request.get(url);
  expect(res.status(), `${url} → ${res.status()}`).toBe(200);
  return (await res.json()) as T;
}

const SHOTS = path.resolve(import.meta.dirname ?? __dirname, "../artifacts/screenshots");

/**
 * Full-page screenshot into artifacts/screenshots/ (gitignored; kept as a CI artifact), checked
 * to be a real PNG of the whole page at the viewport's width: wider would mean the page scrolls
 * sideways, shorter than the viewport would mean a cut-off or blank capture.
 */
export async function shot(page: Page, name: string) {
  fs.mkdirSync(SHOTS, { recursive: true });
  // Let fonts, countdowns and the first poll settle so the picture is what a user sees. The
  // pages' realtime stream keeps one request open for good, so the network may never go idle:
  // wait a bounded time for it.
  await page.waitForLoadState("networkidle", { timeout: 3_000 }).catch(() => undefined);
  const file = path.join(SHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  const viewport = page.viewportSize()!;
  const size = pngSize(file);
  expect(size, `${name}.png is a PNG`).not.toBeNull();
  expect(size!.width, `${name}.png width`).toBe(viewport.width);
  expect(size!.height, `${name}.png height`).toBeGreaterThanOrEqual(viewport.height);
  expect(size!.bytes, `${name}.png is more than a blank page`).toBeGreaterThan(10_000);
}

/**
 * Collects uncaught page errors from now on; expectNoErrors() then asserts there were none and
 * that no error screen is showing (Next's dev overlay, its production error page, or one of
 * our "could not refresh" notices).
 */
export function watchErrors(page: Page) {
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  return {
    async expectNoErrors() {
      await expect(page.locator("nextjs-portal")).toHaveCount(0);
      await expect(page.locator("body")).not.toContainText(/Application error|Internal Server Error|could not refresh/i);
      expect(errors, "uncaught errors in the page").toEqual([]);
    },
  };
}

/** A small valid PNG (1x1) for attachment uploads: the API checks the bytes, not the name. */
export const PNG_1X1 = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
);

/** A Bearer token for another user, to act "as someone else" through the API during a spec. */
export async function tokenFor(page: Page, who: UserKey): Promise<string> {
  const u = USERS[who];
  const res = await page.request.post("/api/v1/auth/token/", { data: { email: u.email, password: u.password } });
  expect(res.status()).toBe(200);
  return (await res.json()).access;
}

/** An agent's browser reading the dev mailbox: `link` finds the newest mail to `to` whose subject
 * matches and returns the path of its `/<path>/?token=…` link (from the text part). */
export async function mailbox(browser: Browser) {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await signIn(page, "agent");
  return {
    async link(to: string, subject: RegExp, path: string): Promise<string> {
      const entry = page.getByRole("link").filter({ hasText: to }).filter({ hasText: subject }).first();
      await expect(async () => {
        await page.goto("/dev/mailbox/");
        await expect(entry).toBeVisible({ timeout: 1_000 });
      }).toPass({ timeout: 20_000 });
      await entry.click();
      await page.waitForURL(/id=/);
      await page.goto(`${page.url()}&view=text`);
      const text = await page.locator("pre").innerText();
      const m = new RegExp(`https?://[^\\s>]+(/${path}/\\?token=[A-Za-z0-9_-]+)`).exec(text);
      expect(m, `a ${path} link in the mail to ${to}`).not.toBeNull();
      return m![1];
    },
    close: () => ctx.close(),
  };
}

/** Axe finds no serious or critical violation on the page as it is now (details in the message). */
export async function expectNoSeriousViolations(page: Page, name: string) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const bad = violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.impact} ${v.id}: ${v.help}\n${v.nodes.slice(0, 5).map((n) => `    ${n.target.join(" ")}: ${n.failureSummary?.split("\n").slice(1, 2).join("")}`).join("\n")}`);
  expect(bad, `axe on ${name}`).toEqual([]);
}
