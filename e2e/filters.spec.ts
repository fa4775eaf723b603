import { expect, test, type Page } from "@playwright/test";
import { apiGet, seedData, signIn } from "./helpers";

/**
 * Every queue filter and ordering, driven through the controls, shows exactly
 * the tickets (in the same order) that the API returns for the query now in the URL.
 */
async function domIds(page: Page): Promise<string[]> {
  return page.locator("tr[data-ticket-id]").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-ticket-id")!));
}

async function apiIds(page: Page, query: string): Promise<string[]> {
  const body = await apiGet<{ results: { id: string }[] }>(page, `/api/v1/support/tickets/?${query}`);
  return body.results.map((t) => t.id);
}

function daysAgo(n: number): string {
  return new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
}

/** After a control changed the URL, the rows must equal the API's answer for that URL. */
async function expectSameAsApi(page: Page, expectParam: [string, string], all: string[], opts: { sameSetOk?: boolean } = {}) {
  await page.waitForURL((u) => u.searchParams.get(expectParam[0]) === expectParam[1]);
  const query = new URL(page.url()).searchParams.toString();
  const expected = await apiIds(page, query);
  // A filter that changes nothing would prove nothing: the seed data makes each one bite.
  if (!opts.sameSetOk) expect(expected, `${query} should differ from the unfiltered queue`).not.toEqual(all);
  await expect.poll(() => domIds(page), { message: query }).toEqual(expected);
}

test.beforeEach(async ({ page }) => {
  await signIn(page, "agent");
  // Channel, SLA and the date ranges sit behind "More filters" in the folded toolbar.
  await page.getByRole("button", { name: "More filters" }).click();
  await expect(page.getByLabel("Channel", { exact: true })).toBeVisible();
});

const SELECTS: { label: string; param: string; value: string; option?: string }[] = [
  { label: "Status", param: "status", value: "pending" },
  { label: "Status", param: "status", value: "resolved" },
  { label: "Priority", param: "priority", value: "high" },
  { label: "Priority", param: "priority", value: "urgent" },
  { label: "Assignee", param: "assigned_to", value: "me" },
  { label: "Assignee", param: "assigned_to", value: "none" },
  { label: "Channel", param: "channel", value: "email" },
  { label: "Channel", param: "channel", value: "chat" },
  { label: "SLA", param: "sla_overdue", value: "true" },
  { label: "SLA", param: "sla_overdue", value: "false" },
];

for (const s of SELECTS) {
  test(`filter ${s.param}=${s.value}`, async ({ page }) => {
    const all = await domIds(page);
    await page.getByLabel(s.label, { exact: true }).selectOption(s.value);
    await expectSameAsApi(page, [s.param, s.value], all);
  });
}

test("filter by another agent as assignee", async ({ page }) => {
  const f = seedData();
  const all = await domIds(page);
  await page.getByLabel("Assignee", { exact: true }).selectOption(f.users.agent2);
  await expectSameAsApi(page, ["assigned_to", f.users.agent2], all);
});

test("search", async ({ page }) => {
  const all = await domIds(page);
  await page.getByLabel("Search").fill("tent");
  await page.getByLabel("Search").press("Enter");
  await expectSameAsApi(page, ["search", "tent"], all);
  await expect(page.locator("tr[data-ticket-id]")).toHaveCount(1);
});

for (const [label, prefix, from, to] of [
  ["Created", "created_at", 5, 0],
  ["Created", "created_at", 60, 10],
  ["Last message", "last_message_at", 1, 0],
  ["Last message", "last_message_at", 60, 7],
] as const) {
  test(`date range ${prefix} ${from}..${to} days ago`, async ({ page }) => {
    const all = await domIds(page);
    await page.getByLabel(`${label} from`).fill(daysAgo(from));
    await page.waitForURL((u) => u.searchParams.has(`${prefix}_after`));
    await page.getByLabel(`${label} to`).fill(daysAgo(to));
    await expectSameAsApi(page, [`${prefix}_before`, daysAgo(to)], all);
  });
}

for (const ordering of ["sla_due_at", "-sla_due_at", "-created_at", "created_at", "-priority"]) {
  test(`ordering ${ordering}`, async ({ page }) => {
    const all = await domIds(page);
    await page.getByLabel("Sort by").selectOption(ordering);
    // Same tickets, another order: the order itself is what is compared.
    await expectSameAsApi(page, ["ordering", ordering], all, { sameSetOk: true });
    expect(await domIds(page)).not.toEqual(all);
  });
}

test("filters combine, survive a reload (bookmarkable) and clear", async ({ page }) => {
  const all = await domIds(page);
  await page.getByLabel("Status", { exact: true }).selectOption("assigned");
  await page.waitForURL((u) => u.searchParams.get("status") === "assigned");
  await page.getByLabel("Priority", { exact: true }).selectOption("high");
  await expectSameAsApi(page, ["priority", "high"], all);
  const shown = await domIds(page);
  await page.reload();
  expect(await domIds(page)).toEqual(shown);
  await expect(page.getByLabel("Status", { exact: true })).toHaveValue("assigned");
  await page.getByRole("link", { name: "Clear filters" }).click();
  await page.waitForURL((u) => u.search === "");
  await expect.poll(() => domIds(page)).toEqual(all);
});

test("cursor paging matches the API's next page", async ({ page }) => {
  await page.goto("/agent/?page_size=3");
  const first = await domIds(page);
  expect(first).toEqual(await apiIds(page, "page_size=3"));
  await page.getByRole("link", { name: "Next →" }).click();
  await page.waitForURL((u) => u.searchParams.has("cursor"));
  const api = await apiGet<{ results: { id: string }[] }>(page, `/api/v1/support/tickets/?${new URL(page.url()).searchParams}`);
  await expect.poll(() => domIds(page)).toEqual(api.results.map((t) => t.id));
  expect(await domIds(page)).not.toEqual(first);
});

test("keyboard: arrow keys and j/k move through the queue, Enter opens", async ({ page }) => {
  const links = page.locator("a[data-row-link]");
  await links.first().focus();
  await page.keyboard.press("j");
  await expect(links.nth(1)).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(links.nth(2)).toBeFocused();
  await page.keyboard.press("k");
  await expect(links.nth(1)).toBeFocused();
  const name = (await links.nth(1).textContent())!.trim();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
});
