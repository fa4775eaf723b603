import { expect, test } from "@playwright/test";
import { shot, signIn } from "./helpers";

/**
 * Acceptance 4 in the browser: a customer creates a personal API token on /profile/, copies it
 * (shown once), calls the support API with it from a plain fetch that sends no cookies, revokes
 * it on the same page, and the same call is then refused with 401.
 */
test("a personal API token made on /profile/ works on the API until it is revoked", async ({ page, context, baseURL }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL });
  await signIn(page, "blake");
  await page.getByRole("link", { name: "Profile" }).click();
  await page.waitForURL((u) => u.pathname === "/profile/");
  await expect(page.getByRole("heading", { name: "Your profile" })).toBeVisible();

  const name = `E2E script ${Date.now()}`;
  await page.getByLabel("Token name").fill(name);
  await page.getByRole("button", { name: "Create token" }).click();
  const shown = page.getByTestId("new-token");
  await expect(shown).toHaveText(/^cf_[0-9A-Za-z]{43}$/);
  await page.getByRole("button", { name: "Copy" }).click();
  await expect(page.getByRole("button", { name: "Copied" })).toBeVisible();
  const token = await page.evaluate(() => navigator.clipboard.readText());
  expect(token).toBe(await shown.textContent());

  await shot(page, "profile-api-token-created");
  // Listed by prefix, never in full.
  const row = page.getByRole("row").filter({ hasText: name });
  await expect(row).toContainText(`${token.slice(0, 9)}…`);
  await expect(page.locator("table")).not.toContainText(token);

  const callApi = () =>
    page.evaluate(async (t) => {
      const r = await fetch("/api/v1/support/tickets/", { headers: { Authorization: `Bearer ${t}` }, credentials: "omit" });
      return { status: r.status, body: await r.json() };
    }, token);
  const ok = await callApi();
  expect(ok.status).toBe(200);
  expect(Array.isArray(ok.body.results)).toBe(true);

  // Last used shows up after a reload (columns: name, token, created, last used, expires).
  await page.reload();
  await expect(page.getByRole("row").filter({ hasText: name }).getByRole("cell").nth(3)).not.toHaveText("Never");

  page.once("dialog", (d) => void d.accept());
  await page.getByRole("button", { name: `Revoke ${name}` }).click();
  await expect(page.getByRole("row").filter({ hasText: name })).toHaveCount(0);
  const refused = await callApi();
  expect(refused.status).toBe(401);
  expect(refused.body).toEqual({ detail: "Given token not valid for any token type" });
});
