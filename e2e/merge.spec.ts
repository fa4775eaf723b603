import { expect, test, type Page } from "@playwright/test";
import { shot, signIn, tokenFor, watchErrors } from "./helpers";
import { USERS } from "./users";

/**
 * Merge (issue 11, acceptance 4): an agent merges Casey's duplicate into her first ticket from
 * the ticket view; the target then holds every message of both, the duplicate's URL opens the
 * target (for the agent and for Casey), and Casey's mailbox has exactly one merge email and no
 * "closed" one.
 */
async function api(page: Page, token: string, method: "GET" | "POST", url: string, data?: unknown) {
  const res = await page.request.fetch(url, { method, data, headers: { authorization: `Bearer ${token}` } });
  expect(res.status(), `${method} ${url}: ${await res.text()}`).toBeLessThan(300);
  return res.json();
}

test("an agent merges a duplicate: nothing lost, the duplicate redirects, one email to the customer", async ({ page, browser }) => {
  const errors = watchErrors(page);
  const run = Date.now().toString(36);
  await signIn(page, "agent");
  const casey = await tokenFor(page, "casey");
  const agent = await tokenFor(page, "agent");
  const target = await api(page, casey, "POST", "/api/v1/support/tickets/", {
    subject: `Label printer jams (${run})`, initial_message: `The label printer jams on every third label. ${run}`,
  });
  const source = await api(page, casey, "POST", "/api/v1/support/tickets/", {
    subject: `Printer still jamming (${run})`, initial_message: `Still jamming, now on every label. ${run}`,
  });
  await api(page, agent, "POST", "/api/v1/support/messages/", { ticket: source.id, body: `Which printer model is it? ${run}` });
  await api(page, casey, "POST", "/api/v1/support/messages/", { ticket: source.id, body: `A Zebra ZD420. ${run}` });

  await page.goto(`/agent/tickets/${source.id}/`);
  await page.getByRole("button", { name: "Merge into…" }).click();
  const dialog = page.getByRole("dialog", { name: /Merge .* into another ticket/ });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel("Find the ticket by number or subject").fill(target.ticket_number);
  await dialog.getByRole("button", { name: new RegExp(target.ticket_number) }).click();
  await expect(dialog).toContainText("This cannot be undone");
  await shot(page, "merge-dialog-confirm");
  await dialog.getByRole("button", { name: `Merge into ${target.ticket_number}` }).click();

  // Lands on the target, which now holds every message of both tickets.
  await expect(page).toHaveURL((u) => u.pathname === `/agent/tickets/${target.id}/`);
  const conversation = page.getByRole("region", { name: "Conversation" });
  for (const text of [
    `The label printer jams on every third label. ${run}`,
    `Still jamming, now on every label. ${run}`,
    `Which printer model is it? ${run}`,
    `A Zebra ZD420. ${run}`,
  ]) {
    await expect(conversation.getByText(text)).toBeVisible();
  }
  await expect(page.getByTestId("timeline")).toContainText(`merged ${source.ticket_number} into this ticket`);
  const after = await api(page, agent, "GET", `/api/v1/support/tickets/${source.id}/`);
  expect(after).toMatchObject({ status: "closed", merged_into: target.id });
  await shot(page, "merge-target");

  // The duplicate's URL opens the target.
  await page.goto(`/agent/tickets/${source.id}/`);
  await expect(page).toHaveURL((u) => u.pathname === `/agent/tickets/${target.id}/`);

  // So it does for Casey, who may see the target.
  const customer = await browser.newContext();
  const portal = await customer.newPage();
  await signIn(portal, "casey");
  await portal.goto(`/portal/tickets/${source.id}/`);
  await expect(portal).toHaveURL((u) => u.pathname === `/portal/tickets/${target.id}/`);
  await expect(portal.getByText(`A Zebra ZD420. ${run}`)).toBeVisible();
  await customer.close();

  // Casey's mailbox: exactly one merge email about the duplicate, and no "closed" one.
  const mails = (subject: RegExp) =>
    page.getByRole("navigation", { name: "Messages" }).getByRole("link").filter({ hasText: USERS.casey.email }).filter({ hasText: subject });
  const merged = mails(new RegExp(`^Merged: .*\\[${source.ticket_number}\\]`));
  await expect(async () => {
    await page.goto("/dev/mailbox/");
    await expect(merged).toHaveCount(1, { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  // The worker had time to send anything else queued with it (it sends every few seconds).
  await page.waitForTimeout(6_000);
  await page.goto("/dev/mailbox/");
  await expect(merged).toHaveCount(1);
  await expect(mails(new RegExp(`^Closed: .*\\[${source.ticket_number}\\]`))).toHaveCount(0);
  const href = await merged.getAttribute("href");
  await page.goto(`${href}&view=text`);
  const text = page.locator("pre");
  await expect(text).toContainText("merged this request into");
  await expect(text).toContainText(`${target.ticket_number}: Label printer jams (${run})`);
  await expect(text).toContainText(`/portal/tickets/${target.id}/`);
  await errors.expectNoErrors();
});

test("a customer who cannot see the target keeps their merged request, read-only", async ({ page }) => {
  const errors = watchErrors(page);
  const run = Date.now().toString(36);
  await signIn(page, "blake");
  const blake = await tokenFor(page, "blake");
  const casey = await tokenFor(page, "casey");
  const agent = await tokenFor(page, "agent");
  const mine = await api(page, blake, "POST", "/api/v1/support/tickets/", { subject: `Me too: jams (${run})`, initial_message: `Mine jams too. ${run}` });
  const theirs = await api(page, casey, "POST", "/api/v1/support/tickets/", { subject: `Jams (${run})`, initial_message: `It jams. ${run}` });
  await api(page, agent, "POST", `/api/v1/support/tickets/${mine.id}/merge/`, { target: theirs.id });

  await page.goto(`/portal/tickets/${mine.id}/`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Me too: jams (${run})`);
  expect(new URL(page.url()).pathname).toBe(`/portal/tickets/${mine.id}/`);
  await expect(page.getByTestId("merged-note")).toContainText("merged with another request");
  await expect(page.getByText("No messages yet.")).toHaveCount(0);
  await expect(page.getByRole("button", { name: /send/i })).toHaveCount(0);
  await expect(page.locator("body")).not.toContainText(theirs.ticket_number);
  // Casey's ticket stays hers alone.
  const res = await page.request.get(`/api/v1/support/tickets/${theirs.id}/`, { headers: { authorization: `Bearer ${blake}` } });
  expect(res.status()).toBe(404);
  await shot(page, "merge-portal-read-only");
  await errors.expectNoErrors();
});
