import { expect, test } from "@playwright/test";
import { apiGet, seedData, shot, signIn, tokenFor, watchErrors } from "./helpers";

/**
 * The workspace bell. A policy with a one-minute first-response target (24/7, warned a minute
 * ahead) makes the in-process SLA worker (every SLA_ALERTS_INTERVAL_MS, 30 s) warn the assignee
 * of a new ticket on its next run; the bell counts it (polled every 30 s, refetched on load),
 * lists it and opens the ticket, marking it read.
 */
test("the bell shows an SLA warning and opens its ticket", async ({ page }) => {
  test.setTimeout(150_000);
  const errors = watchErrors(page);
  const seed = seedData();
  await signIn(page, "admin");
  const auth = { authorization: `Bearer ${await tokenFor(page, "admin")}` };
  const policy = await page.request.post("/api/v1/support/sla-policies/", {
    headers: auth,
    data: { name: "E2E bell: one minute", position: 1, conditions: { category: ["e2e-bell"] }, targets: { high: { first_response: 1 } }, calendar: { time_zone: "UTC", weekly_hours: null }, warn_before_minutes: 1 },
  });
  expect(policy.status(), await policy.text()).toBe(201);
  const created = await page.request.post("/api/v1/support/tickets/", {
    headers: auth,
    data: { subject: "Bell check: scanner offline", user: seed.users.casey, category: "e2e-bell", priority: "high", assigned_to: seed.users.admin },
  });
  expect(created.status(), await created.text()).toBe(201);
  const ticket = (await created.json()) as { id: string };
  // Wait for the worker's next run.
  await expect(async () => {
    const c = await apiGet<{ unread_count: number }>(page, "/api/v1/support/notifications/unread-count/");
    expect(c.unread_count).toBeGreaterThan(0);
  }).toPass({ timeout: 75_000, intervals: [2_000] });
  const before = await apiGet<{ unread_count: number; label: string }>(page, "/api/v1/support/notifications/unread-count/");
  await page.goto("/agent/");
  const badge = page.getByTestId("notification-count");
  await expect(badge).toHaveText(before.label);

  await page.getByRole("button", { name: /^Notifications/ }).click();
  const panel = page.getByRole("dialog", { name: "Notifications" });
  const list = await apiGet<{ results: { id: string; title: string; ticket: string; url: string }[] }>(page, "/api/v1/support/notifications/");
  const first = list.results[0];
  expect(first.ticket).toBe(ticket.id);
  expect(first.title).toMatch(/^First response due in [01] min$/);
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

  // The specs share one database: leave it as the seed made it (tickets are deleted through the CRM API).
  expect((await page.request.delete(`/api/v1/tickets/${ticket.id}/`, { headers: auth })).status()).toBe(204);
  const made = (await policy.json()) as { id: string };
  expect((await page.request.delete(`/api/v1/support/sla-policies/${made.id}/`, { headers: auth })).status()).toBe(204);
});
