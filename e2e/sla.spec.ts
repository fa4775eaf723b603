import { expect, test } from "@playwright/test";
import { apiGet, shot, signIn, watchErrors } from "./helpers";

/**
 * The queue's SLA column: tickets waiting on the customer (pending) show "Paused" instead of a
 * countdown, matching sla_paused in the API; running clocks count down to sla_due_at.
 */
test("pending tickets show a paused SLA in the queue", async ({ page }) => {
  const errors = watchErrors(page);
  await signIn(page, "agent");
  await page.goto("/agent/?status=pending");
  const api = await apiGet<{ results: { id: string; sla_paused: boolean }[] }>(page, "/api/v1/support/tickets/?status=pending");
  expect(api.results.length, "the seed has pending tickets").toBeGreaterThan(0);
  for (const t of api.results) {
    expect(t.sla_paused).toBe(true);
    const cell = page.locator(`tr[data-ticket-id="${t.id}"] [data-testid="sla-countdown"]`);
    await expect(cell).toHaveText("Paused");
    await expect(cell).toHaveAttribute("data-paused", "true");
  }
  await errors.expectNoErrors();
  await shot(page, "queue-sla-paused");

  await page.goto("/agent/?status=in_progress");
  const running = page.locator('tr[data-ticket-id] [data-testid="sla-countdown"]').first();
  await expect(running).toHaveText(/left|Overdue/);
  await errors.expectNoErrors();
});

test("the SLA report page shows the API's numbers and a weekly chart", async ({ page }) => {
  const errors = watchErrors(page);
  await signIn(page, "agent");
  await page.goto("/agent/sla-report/?group_by=priority");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("SLA report");
  const from = await page.getByLabel("From").inputValue();
  const to = await page.getByLabel("To").inputValue();
  const api = await apiGet<{ results: { label: string; tickets: number; breached: number }[] }>(page, `/api/v1/support/sla-report/?from=${from}&to=${to}&group_by=priority`);
  expect(api.results.length).toBeGreaterThan(0);
  const rows = page.locator('[data-testid="sla-report"] tbody tr');
  await expect(rows).toHaveCount(api.results.length);
  for (const r of api.results) {
    const row = rows.filter({ hasText: r.label });
    await expect(row.locator("td").nth(1)).toHaveText(String(r.tickets));
    await expect(row.locator("td").nth(3)).toHaveText(String(r.breached));
  }
  await expect(page.getByRole("img", { name: /within SLA per week/i })).toBeVisible();
  await errors.expectNoErrors();
  await shot(page, "agent-sla-report");
});
