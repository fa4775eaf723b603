import { expect, test, type Page } from "@playwright/test";
import { mailbox, signIn, watchErrors, shot } from "./helpers";
import { USERS } from "./users";

/*
 * Acceptance 1 and 2 of issue 10: a newcomer signs up, confirms the address from the local
 * mailbox, signs in and opens a ticket; another customer signs in by magic link in a fresh
 * browser; a forgotten password is reset, after which only the new one works.
 */

const STRONG = "plum orbit kettle mosaic 42";
const NEWER = "violet canyon sparrow ledger 7";
const run = Date.now().toString(36);

async function signInWithPassword(page: Page, email: string, password: string) {
  await page.goto("/signin/");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

test("a newcomer signs up, confirms the address from the mailbox, signs in and opens a ticket", async ({ page, browser }) => {
  const errors = watchErrors(page);
  const email = `newcomer-${run}@e2e.test`;
  await page.goto("/signin/");
  await page.getByRole("link", { name: "Create an account" }).click();
  await page.getByLabel("Your name").fill("Nora Newcomer");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("password1");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.locator("#password-error")).toContainText(/at least 10 characters|too easy/);
  await shot(page, "signup-weak-password");
  await page.getByLabel("Password").fill(STRONG);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Check your email" })).toBeVisible();

  // Not usable before the address is confirmed.
  await signInWithPassword(page, email, STRONG);
  await expect(page.getByRole("alert").filter({ hasText: "Confirm your email address first" })).toBeVisible();

  const mail = await mailbox(browser);
  await page.goto(await mail.link(email, /Confirm your email/, "verify-email"));
  await expect(page.getByRole("status").filter({ hasText: "Your email address is confirmed" })).toBeVisible();
  await page.getByRole("link", { name: "Sign in" }).click();
  await signInWithPassword(page, email, STRONG);
  await page.waitForURL("**/portal/");

  await page.goto("/portal/tickets/new/");
  await page.getByLabel("Subject").fill(`Where is my parcel ${run}?`);
  await page.getByLabel("Message").fill("It was due on Monday and tracking has not moved.");
  await page.getByRole("button", { name: "Send ticket" }).click();
  await page.waitForURL(/\/portal\/tickets\/[0-9a-f-]+\/\?created=1/);
  await expect(page.getByRole("heading", { name: `Where is my parcel ${run}?` })).toBeVisible();
  await mail.close();
  await errors.expectNoErrors();
});

test("a second customer signs in by magic link in another browser", async ({ page, browser }) => {
  const blake = USERS.erin;
  await page.goto("/signin/");
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await shot(page, "signin-magic-link");
  await page.getByLabel("Email").fill(blake.email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByRole("status").filter({ hasText: "If an account uses this address" })).toBeVisible();

  const mail = await mailbox(browser);
  const link = await mail.link(blake.email, /sign-in link/, "magic-link");
  const other = await browser.newContext();
  const fresh = await other.newPage();
  await fresh.goto(link);
  await shot(fresh, "magic-link-landing");
  await fresh.getByRole("button", { name: "Sign in", exact: true }).click();
  await fresh.waitForURL("**/portal/");
  await expect(fresh.getByText(blake.name).first()).toBeVisible();

  // Single use: the same link in yet another browser does not sign in.
  const third = await (await browser.newContext()).newPage();
  await third.goto(link);
  await third.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(third.getByRole("alert").filter({ hasText: "invalid, expired or already used" })).toBeVisible();
  await other.close();
  await mail.close();
});

test("forgot password: the reset link sets a new password, the old one and older tokens stop working", async ({ page, browser, request }) => {
  const casey = USERS.dana;
  // `request` carries no session cookie: an API client of its own, like a mobile app.
  const before = await request.post("/api/v1/auth/token/", { data: { email: casey.email, password: casey.password } });
  expect(before.status()).toBe(200);
  const { refresh } = await before.json();

  await page.goto("/signin/");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await page.getByLabel("Email").fill(casey.email);
  await page.getByRole("button", { name: "Email me a reset link" }).click();
  await expect(page.getByRole("status").filter({ hasText: "If an account uses this address" })).toBeVisible();
  await shot(page, "forgot-password-sent");

  const mail = await mailbox(browser);
  await page.goto(await mail.link(casey.email, /Reset your/, "reset-password"));
  await page.getByLabel("New password", { exact: true }).fill(NEWER);
  await page.getByLabel("Repeat the new password").fill(NEWER);
  await shot(page, "reset-password");
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Your password has been changed" })).toBeVisible();

  await signInWithPassword(page, casey.email, casey.password);
  await expect(page.getByRole("alert").filter({ hasText: "do not match" })).toBeVisible();
  await signInWithPassword(page, casey.email, NEWER);
  await page.waitForURL("**/portal/");

  const refused = await request.post("/api/v1/auth/token/refresh/", { data: { refresh } });
  expect(refused.status()).toBe(401);
  const after = await request.post("/api/v1/auth/token/", { data: { email: casey.email, password: NEWER } });
  const renewed = await request.post("/api/v1/auth/token/refresh/", { data: { refresh: (await after.json()).refresh } });
  expect(renewed.status()).toBe(200);
  await mail.close();
});
