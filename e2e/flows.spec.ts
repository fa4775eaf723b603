import { expect, test, type Page } from "@playwright/test";
import { PNG_1X1, seedData, signIn, tokenFor } from "./helpers";

/**
 * The main support flows end to end in Chromium (a customer opens a ticket, an agent answers,
 * the customer replies, the queue updates live), with the customer and the agent in two
 * separate browser contexts at once.
 */
test.describe.configure({ mode: "serial" });

const SUBJECT = `Blender jar cracked on first use ${Date.now()}`;
const REPLY = "Sorry to hear that! A replacement jar ships today.";
const NOTE = `Internal: replacement approved by warehouse ${Date.now()}`;
const CUSTOMER_REPLY = "Thank you, that is great news.";

function row(page: Page, subject: string) {
  return page.locator("tr[data-ticket-id], li[data-ticket-id]").filter({ hasText: subject });
}

test("customer opens a ticket, agent answers, customer replies, agent queue updates live", async ({ browser }) => {
  const f = seedData();
  const customer = await (await browser.newContext()).newPage();
  const agent = await (await browser.newContext()).newPage();

  // Customer opens a ticket with a first message, an order and an attachment.
  await signIn(customer, "casey");
  await customer.getByRole("link", { name: "New ticket" }).click();
  await customer.getByLabel("Subject").fill(SUBJECT);
  await customer.getByLabel("Message").fill("The jar cracked the first time I used it. Photo attached.");
  await customer.getByLabel(/Related order/).selectOption(f.caseyOrder.id);
  await customer.getByLabel(/Attachments/).setInputFiles({ name: "crack.png", mimeType: "image/png", buffer: PNG_1X1 });
  await customer.getByRole("button", { name: "Send ticket" }).click();
  await customer.waitForURL(/\/portal\/tickets\/[0-9a-f-]+\/\?created=1/);
  await expect(customer.getByRole("heading", { name: SUBJECT })).toBeVisible();
  await expect(customer.getByRole("link", { name: /crack\.png/ })).toBeVisible();
  const ticketId = customer.url().match(/tickets\/([0-9a-f-]+)\//)![1];
  await customer.getByRole("link", { name: "← My tickets" }).click();
  await expect(row(customer, SUBJECT)).toBeVisible();

  // The agent sees it unread in the queue; opening it clears the badge.
  await signIn(agent, "agent");
  await expect(row(agent, SUBJECT).getByTestId("unread-badge")).toHaveText("1");
  await row(agent, SUBJECT).getByRole("link", { name: SUBJECT }).click();
  await expect(agent.getByRole("heading", { name: SUBJECT })).toBeVisible();
  await expect(agent.getByTestId("customer-card")).toContainText(f.caseyOrder.number);
  await agent.getByRole("link", { name: "Queue" }).click();
  await expect(row(agent, SUBJECT)).toBeVisible();
  await expect(row(agent, SUBJECT).getByTestId("unread-badge")).toHaveCount(0);

  // Assign to self, reply, add an internal note.
  await row(agent, SUBJECT).getByRole("link", { name: SUBJECT }).click();
  await agent.getByRole("button", { name: "Assign to me" }).click();
  await expect(agent.getByLabel("Assignee")).toHaveValue(f.users.agent);
  await expect(agent.getByLabel("Status")).toHaveValue("assigned");
  await agent.getByLabel("Your message").fill(REPLY);
  await agent.getByRole("button", { name: "Send", exact: true }).click();
  await expect(agent.getByTestId("message").filter({ hasText: REPLY })).toBeVisible();
  await agent.getByRole("tab", { name: "Internal note" }).click();
  await agent.getByLabel("Internal note", { exact: true }).fill(NOTE);
  await agent.getByRole("button", { name: "Add note" }).click();
  const note = agent.getByTestId("message").filter({ hasText: NOTE });
  await expect(note).toHaveAttribute("data-internal", "true");
  await expect(note).toContainText("Internal note");
  await expect(agent.getByTestId("timeline")).toContainText("assigned it to Alex Rivera");

  // The customer sees the unread reply (not the note), opens it, the badge clears; replies.
  await customer.goto("/portal/");
  await expect(row(customer, SUBJECT).getByTestId("unread-badge")).toHaveText("1");
  await row(customer, SUBJECT).getByRole("link", { name: SUBJECT }).click();
  await expect(customer.getByTestId("message").filter({ hasText: REPLY })).toBeVisible();
  expect(await customer.content()).not.toContain(NOTE);
  await customer.getByRole("link", { name: "← My tickets" }).click();
  await expect(row(customer, SUBJECT)).toBeVisible();
  await expect(row(customer, SUBJECT).getByTestId("unread-badge")).toHaveCount(0);

  // The agent waits on the open queue; the customer's reply shows up without a reload.
  await agent.goto("/agent/");
  await expect(row(agent, SUBJECT).getByTestId("unread-badge")).toHaveCount(0);
  await agent.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));
  await customer.getByRole("link", { name: SUBJECT }).click();
  await customer.getByLabel("Your message").fill(CUSTOMER_REPLY);
  await customer.getByRole("button", { name: "Send reply" }).click();
  await expect(customer.getByTestId("message").filter({ hasText: CUSTOMER_REPLY })).toBeVisible();
  await expect(row(agent, SUBJECT).getByTestId("unread-badge")).toHaveText("1", { timeout: 20_000 });
  expect(await agent.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
  expect(ticketId).toMatch(/[0-9a-f-]{36}/);
});

test("the SLA queue surfaces an overdue ticket, emphasised, with its overdue time", async ({ page }) => {
  await signIn(page, "agent");
  await page.getByRole("link", { name: "SLA breaches" }).click();
  await page.waitForURL(/sla_overdue=true/);
  expect(new URL(page.url()).searchParams.get("ordering")).toBe("-sla_due_at");
  const rows = page.locator("tr[data-ticket-id]");
  await expect(rows.first()).toBeVisible();
  const payment = rows.filter({ hasText: "Payment failed twice at checkout" });
  await expect(payment).toHaveAttribute("data-overdue", "true");
  await expect(payment.getByTestId("sla-countdown")).toHaveText(/Overdue 3h \d+m/);
  // Every row of this view is a breach, and each one says by how much.
  for (const r of await rows.all()) {
    await expect(r).toHaveAttribute("data-overdue", "true");
    await expect(r.getByTestId("sla-countdown")).toContainText("Overdue");
  }
});

test("a stale edit is refused with a clear message and the other agent's change is shown", async ({ page }) => {
  const f = seedData();
  const id = f.ids["Account locked after password reset"];
  await signIn(page, "agent");
  await page.goto(`/agent/tickets/${id}/`);
  const before = await page.getByLabel("Priority").inputValue();
  // Theirs and mine: two values different from what is on screen (re-runs start anywhere).
  const [theirs, mine] = ["urgent", "low", "medium", "high"].filter((p) => p !== before);
  // Hold this page's background refreshes (its GETs of the ticket through the API) so it keeps
  // showing the old version.
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  await page.route(`**/api/v1/support/tickets/${id}/`, async (route) => {
    if (route.request().method() === "GET") await held;
    await route.continue();
  });
  // Another user (an admin) changes the ticket meanwhile.
  const token = await tokenFor(page, "admin");
  const res = await page.request.patch(`/api/v1/support/tickets/${id}/`, {
    headers: { Authorization: `Bearer ${token}` },
    data: { priority: theirs },
  });
  expect(res.status()).toBe(200);
  await page.getByLabel("Priority").selectOption(mine);
  await expect(page.getByRole("alert").filter({ hasText: "Someone else changed this ticket" })).toBeVisible();
  release();
  await expect(page.getByLabel("Priority")).toHaveValue(theirs, { timeout: 20_000 });
  const api = await page.request.get(`/api/v1/support/tickets/${id}/`);
  expect((await api.json()).priority).toBe(theirs);
});
