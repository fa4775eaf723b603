import { expect, test, type Page } from "@playwright/test";
import { seedData, signIn, tokenFor } from "./helpers";

/**
 * A customer's reply on a ticket assigned to the signed-in agent reaches the workspace through
 * the event stream: a toast and a count in the tab title, cleared once the agent looks at the
 * queue again. The ticket and the replies go through the API as other clients would send them.
 */
async function post(page: Page, token: string, url: string, data: Record<string, unknown>) {
  const res = await page.request.post(url, { headers: { Authorization: `Bearer ${token}` }, data });
  expect(res.status(), `${url} → ${res.status()}`).toBe(201);
  return (await res.json()) as { id: string };
}

test("a customer's reply on my ticket shows a toast and counts in the tab title until I look", async ({ page }) => {
  const seed = seedData();
  await signIn(page, "agent");
  const agentToken = await tokenFor(page, "agent");
  const customerToken = await tokenFor(page, "casey");
  const subject = `Parcel never arrived ${Date.now()}`;
  const ticket = await post(page, agentToken, "/api/v1/support/tickets/", {
    subject,
    description: "Opened by phone.",
    user: seed.users.casey,
    assigned_to: seed.users.agent,
  });

  // The workspace's notifier opens its stream on every agent page; wait until it is open so
  // the replies below are not sent before it listens.
  const streamOpen = page.waitForResponse((r) => r.url().includes("/api/v1/support/stream/?assigned_to=me") && r.status() === 200);
  await page.goto("/agent/settings/");
  await streamOpen;
  await expect(page).toHaveTitle("Notifications · Caseflow");

  await post(page, customerToken, "/api/v1/support/messages/", { ticket: ticket.id, body: "Any news on my parcel?" });
  const toast = page.locator("[data-reply-toast]");
  await expect(toast).toContainText("New customer reply");
  await expect(toast).toContainText(subject);
  await expect(page).toHaveTitle("(1) Notifications · Caseflow");

  await post(page, customerToken, "/api/v1/support/messages/", { ticket: ticket.id, body: "Hello? It has been a week." });
  await expect(page).toHaveTitle("(2) Notifications · Caseflow");
  // An agent's own reply is not news to them.
  await post(page, agentToken, "/api/v1/support/messages/", { ticket: ticket.id, body: "Checking with the carrier now." });
  await post(page, customerToken, "/api/v1/support/messages/", { ticket: ticket.id, body: "Thanks!" });
  await expect(page).toHaveTitle("(3) Notifications · Caseflow");
  // Had the agent's reply counted, (4) would follow: give it time to show up.
  await page.waitForTimeout(1_500);
  await expect(page).toHaveTitle("(3) Notifications · Caseflow");
  await expect(toast.getByRole("link", { name: "Open ticket" })).toHaveAttribute("href", `/agent/tickets/${ticket.id}/`);

  // Looking at the queue again clears the count.
  await page.goto("/agent/");
  await expect(page).toHaveTitle("Queue · Caseflow");
});
