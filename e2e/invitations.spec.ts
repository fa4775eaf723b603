import { expect, test, type Browser } from "@playwright/test";
import { mailbox, shot, signIn, tokenFor, watchErrors } from "./helpers";

/*
 * Acceptance 3 of issue 10: an admin invites an agent in /admin/invitations/, the agent opens
 * the link from the local mailbox, accepts, is signed in and sees the queue; the agent's API
 * access token stops working (401) as soon as the admin deactivates them.
 */

const STRONG = "harbor quartz lantern violet 58";
const run = Date.now().toString(36);

/** The path of the invitation link in the newest mail to `to` (read in the dev mailbox by an agent). */
async function invitationLink(browser: Browser, to: string): Promise<string> {
  const box = await mailbox(browser);
  try {
    return await box.link(to, /You are invited/, "accept-invitation");
  } finally {
    await box.close();
  }
}

test("an admin invites an agent, who accepts, sees the queue, and is locked out of the API once deactivated", async ({ page, browser }) => {
  // Three browsers (admin, invitee, mailbox reader) on a shared two-core machine.
  test.setTimeout(240_000);
  const email = `invited-${run}@e2e.test`;
  const admin = page;
  const errors = watchErrors(admin);
  await signIn(admin, "admin");
  await admin.goto("/admin/invitations/");
  await admin.getByLabel("Email").fill(email);
  await admin.getByLabel("Role").selectOption("customer_service");
  await admin.getByRole("button", { name: "Send invitation" }).click();
  await expect(admin.getByRole("status").filter({ hasText: `Invitation sent to ${email}` })).toBeVisible();
  const row = admin.locator(`tr[data-invitation="${email}"]`);
  await expect(row).toContainText("pending");
  await shot(admin, "admin-invitations");

  // The agent, in a browser of their own, opens the emailed link.
  const agentCtx = await browser.newContext();
  const agent = await agentCtx.newPage();
  const agentErrors = watchErrors(agent);
  await agent.goto(await invitationLink(browser, email));
  await expect(agent.getByRole("heading", { name: "Accept your invitation" })).toBeVisible();
  await agent.getByLabel("Your name").fill("Ivy Invited");
  await agent.getByLabel("Password", { exact: true }).fill(STRONG);
  await agent.getByLabel("Repeat the password").fill(STRONG);
  await agent.getByRole("button", { name: "Join and sign in" }).click();
  await agent.waitForURL((url) => url.pathname === "/agent/");
  await expect(agent.getByRole("heading", { name: "All tickets" })).toBeVisible();
  await expect(agent.locator('a[href^="/agent/tickets/"]').first()).toBeVisible();
  await shot(agent, "invited-agent-queue");
  await agentErrors.expectNoErrors();

  // The link worked once.
  await admin.reload();
  await expect(admin.locator(`tr[data-invitation="${email}"]`)).toContainText("accepted");

  // The agent's integration gets an access token, which works...
  const tokenRes = await agent.request.post("/api/v1/auth/token/", { data: { email, password: STRONG } });
  expect(tokenRes.status()).toBe(200);
  const access = (await tokenRes.json()).access as string;
  const asAgent = () => agent.request.get("/api/v1/support/tickets/", { headers: { Authorization: `Bearer ${access}` } });
  expect((await asAgent()).status()).toBe(200);

  // ...until the admin deactivates them: the very next call with that token is 401.
  const accepted = await admin.request.get(`/api/v1/admin/invitations/?status=accepted&search=${encodeURIComponent(email)}`);
  const userId = (await accepted.json()).results[0].user as string;
  const adminToken = await tokenFor(admin, "admin");
  const deactivated = await admin.request.patch(`/api/v1/admin/users/${userId}/`, { headers: { Authorization: `Bearer ${adminToken}` }, data: { is_active: false } });
  expect(deactivated.status()).toBe(200);
  expect((await asAgent()).status()).toBe(401);
  await agentCtx.close();
  await errors.expectNoErrors();
});

test("an admin creates a team, puts an agent in it, and creates and edits a company", async ({ page }) => {
  test.setTimeout(180_000);
  const errors = watchErrors(page);
  await signIn(page, "admin");
  await page.goto("/admin/teams/");
  const team = `Escalations ${run}`;
  await page.getByLabel("New team").fill(team);
  await page.getByRole("button", { name: "Create team" }).click();
  const section = page.getByRole("region", { name: `Team ${team}` });
  await expect(section).toBeVisible();
  await section.getByLabel("Add a member").selectOption({ label: "Alex Rivera" });
  await section.getByRole("button", { name: `Add to ${team}` }).click();
  await expect(section).toContainText("alex.agent@e2e.test");
  await expect(section).toContainText("1 member");
  await shot(page, "admin-teams");

  await page.goto("/admin/companies/");
  const company = `Umbrella ${run}`;
  await page.getByLabel("Company name").fill(company);
  await page.getByLabel("Email domain (optional)").fill(`umbrella-${run}.example`);
  await page.getByRole("button", { name: "Create company" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Created ${company}.` })).toBeVisible();
  await page.getByLabel("Search companies").fill(run);
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page.locator("tr[data-company]")).toHaveCount(1);
  await page.getByLabel(`Domain of ${company}`).fill(`umbrella-${run}.test`);
  await page.getByRole("button", { name: `Save ${company}` }).click();
  await expect(page.getByRole("status").filter({ hasText: `Saved ${company}.` })).toBeVisible();
  await page.reload();
  await expect(page.getByLabel(`Domain of ${company}`)).toHaveValue(`umbrella-${run}.test`);
  await shot(page, "admin-companies");
  await errors.expectNoErrors();
});
