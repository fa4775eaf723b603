import { expect, test, type Page } from "@playwright/test";
import { apiGet, seedData, shot, signIn, watchErrors, expectNoSeriousViolations } from "./helpers";

/**
 * Issue 11, the agent's tools in the ticket view: a macro applied from the reply box (acceptance
 * 1: the customer sees its text with the placeholders filled), tags with autocomplete, and the
 * split Send button's "Send and set resolved". Axe checks the view with the new controls open.
 */

const reply = (page: Page) => page.getByRole("textbox", { name: "Your message" });

test("an agent applies a macro that replies and sets pending; the customer sees the rendered text", async ({ page, browser }) => {
  const f = seedData();
  const id = f.ids["Stove regulator hisses"];
  const errors = watchErrors(page);
  await signIn(page, "agent", `/agent/tickets/${id}/`);
  const before = await apiGet(page, `/api/v1/support/tickets/${id}/`);
  expect(before).toMatchObject({ status: "new", assigned_to: null });

  // "/" at the start of a word opens the macro list; typing searches it.
  await reply(page).click();
  await reply(page).pressSequentially("/order");
  const list = page.getByRole("listbox", { name: "Macros" });
  await expect(list).toBeVisible();
  const option = list.getByRole("option", { name: /Ask for order details/ });
  await expect(option).toBeVisible();
  await expect(option).toContainText("shared");
  await expect(option).toContainText("sets pending");
  await expectNoSeriousViolations(page, "ticket view with the macro list open");
  await shot(page, "agent-ticket-macro-picker");
  await reply(page).press("Enter");

  const text = `Hi Pat, thanks for writing about ticket ${before.ticket_number}. Could you send us your order number? Best, Alex Rivera`;
  await expect(page.getByTestId("message").filter({ hasText: text })).toBeVisible();
  await expect(reply(page)).toHaveValue("");
  await expect(page.locator("#p-status")).toHaveValue("pending");
  // One transaction on the server: reply, status, assignee, tag and the macro's usage count.
  const after = await apiGet(page, `/api/v1/support/tickets/${id}/`);
  expect(after).toMatchObject({ status: "pending", assigned_to: f.users.agent, tags: ["awaiting-details"] });
  const macros = await apiGet(page, "/api/v1/support/macros/?search=order%20details");
  expect(macros.results[0].usage_count).toBe(1);

  // The customer, in another browser, reads the rendered reply.
  const ctx = await browser.newContext();
  const customer = await ctx.newPage();
  await signIn(customer, "pat", `/portal/tickets/${id}/`);
  await expect(customer.getByTestId("message").filter({ hasText: text })).toBeVisible();
  await expect(customer.locator("body")).not.toContainText("{{");
  await ctx.close();

  // A text-only macro is inserted into the draft, rendered, for editing (nothing is sent).
  await reply(page).pressSequentially("Thanks! #sig");
  await expect(page.getByRole("listbox", { name: "Macros" }).getByRole("option", { name: /Signature/ })).toBeVisible();
  await reply(page).press("Enter");
  await expect(reply(page)).toHaveValue("Thanks! Kind regards, Alex Rivera");
  await expect(page.getByTestId("message").filter({ hasText: "Kind regards" })).toHaveCount(0);
  await errors.expectNoErrors();
});

test("tags: add with autocomplete and remove; the API reflects each change", async ({ page }) => {
  const f = seedData();
  const id = f.ids["Compass bezel loose"];
  await signIn(page, "agent", `/agent/tickets/${id}/`);
  const tags = page.getByRole("list", { name: "Tags on this ticket" });
  await expect(tags).toContainText("gear");

  const input = page.getByRole("combobox", { name: "Tags" });
  await input.fill("warr");
  const suggestion = page.getByRole("listbox", { name: "Suggested tags" }).getByRole("option", { name: /warranty-claim/ });
  await expect(suggestion).toBeVisible();
  await expectNoSeriousViolations(page, "ticket view with tag suggestions open");
  await input.press("ArrowDown");
  await expect(suggestion).toHaveAttribute("aria-selected", "true");
  await input.press("Enter");
  await expect(tags.getByText("warranty-claim")).toBeVisible();
  await expect.poll(async () => (await apiGet(page, `/api/v1/support/tickets/${id}/`)).tags).toEqual(["gear", "warranty-claim"]);

  // A new tag, typed (normalized as the API stores it), once the first change has saved.
  const saving = page.getByRole("status").filter({ hasText: "Saving…" });
  await expect(saving).toHaveCount(0);
  await input.fill("Needs Photo");
  await input.press("Enter");
  await expect(tags.getByText("needs photo")).toBeVisible();
  await expect.poll(async () => (await apiGet(page, `/api/v1/support/tickets/${id}/`)).tags).toEqual(["gear", "warranty-claim", "needs photo"]);

  await expect(saving).toHaveCount(0);
  await page.getByRole("button", { name: "Remove tag gear" }).click();
  await expect(tags.getByText("gear", { exact: true })).toHaveCount(0);
  await expect.poll(async () => (await apiGet(page, `/api/v1/support/tickets/${id}/`)).tags).toEqual(["warranty-claim", "needs photo"]);
  // The tickets list's tags filter sees it.
  const listed = await apiGet(page, "/api/v1/support/tickets/?tags=needs%20photo");
  expect(listed.results.map((t: { id: string }) => t.id)).toEqual([id]);
});

test("Send and set resolved, from the split button's menu by keyboard", async ({ page }) => {
  const f = seedData();
  const id = f.ids["Map case zipper jammed"];
  const errors = watchErrors(page);
  await signIn(page, "agent", `/agent/tickets/${id}/`);
  await reply(page).fill("A new zipper pull is on its way. Closing this for now.");
  const more = page.getByRole("button", { name: "More send options" });
  await expect(more).toHaveAttribute("aria-haspopup", "menu");
  await more.focus();
  await page.keyboard.press("ArrowDown");
  const menu = page.getByRole("menu");
  await expect(menu).toBeVisible();
  await expect(more).toHaveAttribute("aria-expanded", "true");
  await expect(page.getByRole("menuitem", { name: "Send and set pending" })).toBeFocused();
  await expectNoSeriousViolations(page, "ticket view with the send menu open");
  await shot(page, "agent-ticket-send-menu");
  await page.keyboard.press("ArrowDown");
  await expect(page.getByRole("menuitem", { name: "Send and set resolved" })).toBeFocused();
  await page.keyboard.press("Enter");

  await expect(page.getByTestId("message").filter({ hasText: "A new zipper pull is on its way." })).toBeVisible();
  await expect(page.locator("#p-status")).toHaveValue("resolved");
  const t = await apiGet(page, `/api/v1/support/tickets/${id}/`);
  expect(t.status).toBe("resolved");
  expect(t.resolved_at).toBeTruthy();
  await errors.expectNoErrors();
});

test("macros page: linked from the sidebar; create, edit and delete a macro", async ({ page }) => {
  const errors = watchErrors(page);
  await signIn(page, "agent");
  await page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Macros" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Macros" })).toBeVisible();
  const table = page.getByRole("table", { name: "Macros" });
  const row = (name: string) => table.getByRole("row").filter({ has: page.getByRole("rowheader", { name: new RegExp(name) }) });
  await expect(row("Ask for order details")).toContainText("Shared");
  // Shared by an admin: usable, not editable by Alex.
  await expect(row("Ask for order details").getByRole("button", { name: /Edit/ })).toHaveCount(0);
  await expect(row("Signature")).toContainText("Personal");

  await page.getByRole("button", { name: "New macro" }).click();
  const form = page.getByRole("form", { name: "New macro" });
  await form.getByLabel("Name").fill("Shipping delay");
  await form.getByLabel("Reply text").fill("Hello {{customer.name}}, about {{ticket.nmber}}");
  await form.getByLabel("Set status").selectOption("pending");
  await form.getByLabel("Add tags (comma separated)").fill("delay, Courier");
  await form.getByLabel(/Shared with all agents/).check();
  await form.getByRole("button", { name: "Create macro" }).click();
  // A misspelt placeholder is refused before it can reach a customer.
  await expect(form.getByText(/ticket\.nmber/)).toBeVisible();
  await expectNoSeriousViolations(page, "macros page with the form and an error");
  await form.getByLabel("Reply text").fill("Hello {{customer.name}}, your parcel for {{ticket.number}} is delayed.");
  await form.getByRole("button", { name: "Create macro" }).click();
  await expect(form).toBeHidden();
  await expect(row("Shipping delay")).toContainText("Shared");
  await expect(row("Shipping delay")).toContainText("Status: Pending");
  await expect(row("Shipping delay")).toContainText("Add tags: delay, courier");
  const made = (await apiGet(page, "/api/v1/support/macros/?search=shipping%20delay")).results;
  expect(made).toHaveLength(1);
  expect(made[0]).toMatchObject({ shared: true, status: "pending", add_tags: ["delay", "courier"], owner: seedData().users.agent });
  await shot(page, "agent-macros");

  await row("Shipping delay").getByRole("button", { name: /Edit/ }).click();
  const edit = page.getByRole("form", { name: "Edit macro Shipping delay" });
  await edit.getByLabel("Name").fill("Shipping delay notice");
  await edit.getByLabel(/Shared with all agents/).uncheck();
  await edit.getByRole("button", { name: "Save macro" }).click();
  await expect(row("Shipping delay notice")).toContainText("Personal");

  page.once("dialog", (d) => d.accept());
  await row("Shipping delay notice").getByRole("button", { name: /Delete/ }).click();
  await expect(row("Shipping delay notice")).toHaveCount(0);
  expect((await apiGet(page, "/api/v1/support/macros/?search=shipping%20delay")).results).toEqual([]);
  await errors.expectNoErrors();
});
