import { expect, test } from "@playwright/test";
import { apiGet, shot, signIn, watchErrors } from "./helpers";

/**
 * The workspace bell: the seed's overdue open tickets are announced by the in-process SLA
 * worker (every SLA_ALERTS_INTERVAL_MS, 30 s) as breaches to every admin; the bell counts them
 * (polled every 30 s, refetched on load), lists them and opens the ticket, marking it read.
 */
test("the bell shows SLA breach notifications and opens their ticket", async ({ page }) => {
  test.setTimeout(120_000);
  const errors = watchErrors(page);
  await signIn(page, "admin");
  // Wait for the worker's first run (at most one interval after the server started).
  await expect(async () => {
    const c = await apiGet<{ unread_count: number }>(page, "/api/v1/support/notifications/unread-count/");
    expect(c.unread_count).toBeGreaterThan(0);
  }).toPass({ timeout: 70_000, intervals: [2_000] });
  const before = await apiGet<{ unread_count: number; label: string }>(page, "/api/v1/support/notifications/unread-count/");
  await page.goto("/agent/");
  const badge = page.getByTestId("notification-count");
  await expect(badge).toHaveText(before.label);

  await page.getByRole("button", { name: /^Notifications/ }).click();
  const panel = page.getByRole("dialog", { name: "Notifications" });
  const list = await apiGet<{ results: { id: string; title: string; ticket: string; url: string }[] }>(page, "/api/v1/support/notifications/");
  const first = list.results[0];
  await expect(panel.getByRole("link").first()).toContainText(first.title);
  await expect(panel.getByRole("link").first()).toHaveAttribute("href", first.url);
  await shot(page, "notification-bell");

  await panel.getByRole("link").first().click();
  await page.waitForURL((u) => u.pathname === `/agent/tickets/${first.ticket}/`);
  await expect(async () => {
    const after = await apiGet<{ results: { id: string; is_read: boolean }[] }>(page, "/api/v1/support/notifications/?unread=false");
    expect(after.results.map((n) => n.id)).toContain(first.id);
  }).toPass({ timeout: 10_000 });
  await errors.expectNoErrors();
});
