import { expect, test, type Browser, type Page } from "@playwright/test";
import { apiGet, seedData, shot, signIn, tokenFor, watchErrors, expectNoSeriousViolations } from "./helpers";
import type { UserKey } from "./users";

/**
 * Issue 11, acceptance 2 and 3: bulk actions from the queue (keyboard `x`, shift-click, select
 * all on the page) through POST support/tickets/bulk/ with each ticket's version, a stale ticket
 * reported by name while the others change; and saved views, personal and shared with a team.
 */
type Ticket = { id: string; ticket_number: string; assigned_to: string | null; tags: string[]; priority: string; version: number };

async function domIds(page: Page): Promise<string[]> {
  return page.locator("tr[data-ticket-id]").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-ticket-id")!));
}
const ticket = (page: Page, id: string) => apiGet<Ticket>(page, `/api/v1/support/tickets/${id}/`);
const row = (page: Page, id: string) => page.locator(`tr[data-ticket-id="${id}"]`);

async function openAs(browser: Browser, who: UserKey, path = "/agent/") {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await signIn(page, who);
  if (path !== "/agent/") await page.goto(path);
  return { ctx, page };
}

test("select three rows with x and shift-click, then assign and tag them in bulk", async ({ page }) => {
  const errors = watchErrors(page);
  const f = seedData();
  await signIn(page, "quinn");
  // The Tags filter (any-of) is in "More filters" and lands in the URL.
  await page.getByRole("button", { name: "More filters" }).click();
  await page.getByLabel("Tags (any of)").fill("bulk-a");
  await page.getByLabel("Tags (any of)").press("Enter");
  await page.waitForURL((u) => u.searchParams.get("tags") === "bulk-a");
  const api = await apiGet<{ results: Ticket[] }>(page, "/api/v1/support/tickets/?tags=bulk-a");
  expect(api.results).toHaveLength(4);
  await expect.poll(() => domIds(page)).toEqual(api.results.map((t) => t.id));
  // Bookmarkable: a reload keeps the filter, and every row shows its tag chip.
  await page.reload();
  await expect(page.getByLabel("Tags (any of)")).toHaveValue("bulk-a");
  await expect(page.locator("tr[data-ticket-id] [data-tags='bulk-a']")).toHaveCount(4);
  const ids = await domIds(page);

  // Keyboard: focus the first row, x selects it, j moves on; shift-click the third row selects 1..3.
  const links = page.locator("a[data-row-link]");
  await links.first().focus();
  await page.keyboard.press("x");
  await expect(page.getByLabel(`Select ${api.results[0].ticket_number}`)).toBeChecked();
  await page.keyboard.press("j");
  await page.keyboard.press("x");
  await page.keyboard.press("x"); // toggles the focused (second) row off again
  await expect(page.getByLabel(`Select ${api.results[1].ticket_number}`)).not.toBeChecked();
  const third = api.results.find((t) => t.id === ids[2])!;
  await page.getByLabel(`Select ${third.ticket_number}`).click({ modifiers: ["Shift"] });
  await expect(page.getByTestId("bulk-count")).toHaveText("3 selected");
  for (const id of ids.slice(0, 3)) await expect(row(page, id)).toHaveAttribute("data-selected", "true");
  await expect(row(page, ids[3])).not.toHaveAttribute("data-selected", "true");

  await page.getByLabel("Assign selected tickets").selectOption({ label: "Me" });
  await expect(page.getByTestId("bulk-result")).toContainText("Assigned: 3 updated.");
  // The selection stays on the changed tickets (at their new versions) for the next change.
  await expect(page.getByTestId("bulk-count")).toHaveText("3 selected");
  await page.getByLabel("Tags (comma-separated)").fill("escalated");
  await page.getByRole("button", { name: "Add tags" }).click();
  await expect(page.getByTestId("bulk-result")).toContainText("Tags added: 3 updated.");
  await shot(page, "queue-bulk-assigned-tagged");

  for (const id of ids.slice(0, 3)) {
    const t = await ticket(page, id);
    expect(t.assigned_to, t.ticket_number).toBe(f.users.quinn);
    expect(t.tags.sort()).toEqual(["bulk-a", "escalated"]);
  }
  const untouched = await ticket(page, ids[3]);
  expect(untouched.assigned_to).toBeNull();
  expect(untouched.tags).toEqual(["bulk-a"]);
  // The queue refreshed: the chips show the new tag.
  await expect(row(page, ids[0]).locator("[data-tags]")).toHaveAttribute("data-tags", /escalated/);
  await errors.expectNoErrors();
});

test("a bulk change where one ticket went stale reports it as 412 and applies the others", async ({ page }) => {
  await signIn(page, "quinn");
  await page.goto("/agent/?tags=bulk-b");
  const api = await apiGet<{ results: Ticket[] }>(page, "/api/v1/support/tickets/?tags=bulk-b");
  expect(api.results).toHaveLength(3);
  await expect.poll(() => domIds(page)).toEqual(api.results.map((t) => t.id));
  await page.getByLabel("Select all on page").check();
  await expect(page.getByTestId("bulk-count")).toHaveText("3 selected");

  // Someone else changes one of them after Quinn selected it.
  const stale = api.results[1];
  const riley = await tokenFor(page, "riley");
  const res = await page.request.patch(`/api/v1/support/tickets/${stale.id}/`, { headers: { authorization: `Bearer ${riley}` }, data: { priority: "high" } });
  expect(res.status()).toBe(200);

  await page.getByLabel("Tags (comma-separated)").fill("reviewed");
  await page.getByRole("button", { name: "Add tags" }).click();
  const result = page.getByTestId("bulk-result");
  await expect(result).toContainText("Tags added: 2 updated, 1 not changed.");
  await expect(result.locator(`[data-failed-ticket="${stale.id}"]`)).toContainText(stale.ticket_number);
  await expect(result.locator(`[data-failed-ticket="${stale.id}"]`)).toContainText("changed by someone else since you selected it (412)");
  await expect(result).toHaveAttribute("role", "alert");
  await shot(page, "queue-bulk-stale");
  await expectNoSeriousViolations(page, "queue with bulk bar and result");

  for (const t of api.results) {
    const now = await ticket(page, t.id);
    if (t.id === stale.id) {
      expect(now.tags).toEqual(["bulk-b"]);
      expect(now.priority).toBe("high");
    } else {
      expect(now.tags.sort(), t.ticket_number).toEqual(["bulk-b", "reviewed"]);
    }
  }
  // The stale ticket left the selection; the two changed ones stay selected.
  await expect(page.getByTestId("bulk-count")).toHaveText("2 selected");
});

test("save a view, reload, open it from the sidebar; a shared view reaches the team only", async ({ page, browser }) => {
  const errors = watchErrors(page);
  await signIn(page, "quinn");
  const query = "tags=bulk-a&ordering=-created_at";
  await page.goto(`/agent/?${query}`);
  await page.getByRole("button", { name: "Save view" }).click();
  await page.getByLabel("View name").fill("Tier 2 lantern desk");
  await page.getByLabel("My team").check();
  await page.getByRole("button", { name: "Save", exact: true }).click();
  const sidebar = page.getByRole("navigation", { name: "Saved views" });
  await expect(sidebar.getByRole("link", { name: /Tier 2 lantern desk/ })).toBeVisible();

  await page.goto("/agent/?priority=urgent");
  await page.getByRole("button", { name: "Save view" }).click();
  await page.getByLabel("View name").fill("My urgent");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(sidebar.getByRole("link", { name: /My urgent/ })).toBeVisible();

  await page.reload();
  await page.goto("/agent/");
  const view = sidebar.getByRole("link", { name: /Tier 2 lantern desk/ });
  // Its live count is the bounded count of its own query.
  const count = await apiGet<{ count: number; capped: boolean }>(page, `/api/v1/support/tickets/count/?${query}`);
  await expect(view.getByTestId("view-count")).toHaveText(`${count.count} tickets`);
  await view.click();
  await page.waitForURL((u) => u.searchParams.get("tags") === "bulk-a" && u.searchParams.get("ordering") === "-created_at");
  await expect(view).toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tier 2 lantern desk");
  const expected = await apiGet<{ results: { id: string }[] }>(page, `/api/v1/support/tickets/?${query}`);
  await expect.poll(() => domIds(page)).toEqual(expected.results.map((t) => t.id));
  await shot(page, "queue-saved-views");
  await expectNoSeriousViolations(page, "queue with saved views");

  // Reorder, rename, delete (own views only).
  await sidebar.getByRole("button", { name: "Edit" }).click();
  const mine = sidebar.getByRole("list", { name: "My views" }).getByRole("link");
  await expect(mine).toHaveText([/Tier 2 lantern desk/, /My urgent/]);
  await sidebar.getByRole("button", { name: "Move My urgent up" }).click();
  await expect(mine).toHaveText([/My urgent/, /Tier 2 lantern desk/]);
  await sidebar.getByRole("button", { name: "Rename My urgent" }).click();
  await sidebar.getByLabel("New name for My urgent").fill("Urgent only");
  await sidebar.getByLabel("New name for My urgent").press("Enter");
  await expect(mine).toHaveText([/Urgent only/, /Tier 2 lantern desk/]);
  await page.reload();
  await expect(mine).toHaveText([/Urgent only/, /Tier 2 lantern desk/]);
  await errors.expectNoErrors();

  // Riley (same team) sees the shared view, not Quinn's personal one, and cannot edit it.
  const riley = await openAs(browser, "riley");
  const rileyBar = riley.page.getByRole("navigation", { name: "Saved views" });
  await expect(rileyBar.getByRole("link", { name: /Tier 2 lantern desk/ })).toBeVisible();
  await expect(rileyBar.getByRole("link", { name: /Urgent only/ })).toHaveCount(0);
  await rileyBar.getByRole("link", { name: /Tier 2 lantern desk/ }).click();
  await riley.page.waitForURL((u) => u.searchParams.get("tags") === "bulk-a");
  await rileyBar.getByRole("button", { name: "Edit" }).click();
  await expect(rileyBar.getByRole("button", { name: /Delete Tier 2 lantern desk/ })).toHaveCount(0);
  await riley.ctx.close();

  // Jordan (another team) sees neither.
  const jordan = await openAs(browser, "jordan");
  await expect(jordan.page.locator("tr[data-ticket-id]").first()).toBeVisible();
  const views = await apiGet<{ results: { name: string }[] }>(jordan.page, "/api/v1/support/views/");
  expect(views.results).toEqual([]);
  await expect(jordan.page.getByRole("navigation", { name: "Saved views" })).toHaveCount(0);
  await jordan.ctx.close();

  // Quinn deletes the personal view.
  await sidebar.getByRole("button", { name: "Edit" }).click();
  await sidebar.getByRole("button", { name: "Delete Urgent only" }).click();
  await expect(mine).toHaveText([/Tier 2 lantern desk/]);
});
