import { expect, test } from "@playwright/test";
import { seedData, signIn } from "./helpers";

/**
 * The queue and the ticket stream a skeleton (their loading.tsx) while the server reads, and
 * the ticket still answers a real 404 for a ticket that does not exist: the not-found decision
 * is made in the ticket's layout, outside the skeleton's Suspense boundary.
 */
test("queue and ticket stream a skeleton first; a missing ticket is still a real 404", async ({ page }) => {
  const f = seedData();
  await signIn(page, "agent");

  const queue = await page.request.get("/agent/");
  expect(queue.status()).toBe(200);
  const queueHtml = await queue.text();
  expect(queueHtml).toContain("Loading the queue…");
  expect(queueHtml).toMatch(/data-ticket-id="[0-9a-f-]{36}"/);
  expect(queueHtml.indexOf("Loading the queue…")).toBeLessThan(queueHtml.search(/data-ticket-id="/));

  const id = f.ids["Invoice shows the wrong company name"];
  const ticket = await page.request.get(`/agent/tickets/${id}/`);
  expect(ticket.status()).toBe(200);
  const ticketHtml = await ticket.text();
  expect(ticketHtml).toContain("Loading the ticket…");
  expect(ticketHtml).toContain("Invoice shows the wrong company name");
  // The skeleton comes first in the stream, the ticket after it.
  expect(ticketHtml.indexOf("Loading the ticket…")).toBeLessThan(ticketHtml.lastIndexOf("Invoice shows the wrong company name"));

  for (const missing of ["00000000-0000-4000-8000-000000000000", "not-a-uuid"]) {
    const res = await page.goto(`/agent/tickets/${missing}/`);
    expect(res?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Ticket not found" })).toBeVisible();
    await expect(page.getByTestId("skeleton")).toHaveCount(0);
  }

  // In the browser the ticket renders fully once streamed, with the skeleton gone.
  await page.goto(`/agent/tickets/${id}/`);
  await expect(page.getByRole("heading", { name: "Invoice shows the wrong company name" })).toBeVisible();
  await expect(page.getByTestId("skeleton")).toHaveCount(0);
});

test("the portal thread streams its skeleton; another customer's ticket stays a real 404", async ({ browser }) => {
  const f = seedData();
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, "blake");
  const refund = f.ids["Refund for damaged tent"];
  const res = await page.request.get(`/portal/tickets/${refund}/`);
  expect(res.status()).toBe(200);
  const html = await res.text();
  expect(html).toContain("Loading the conversation…");
  expect(html.indexOf("Loading the conversation…")).toBeLessThan(html.lastIndexOf("Refund for damaged tent"));

  const caseys = f.ids["Invoice shows the wrong company name"];
  for (const url of [`/portal/tickets/${caseys}/`, "/portal/tickets/00000000-0000-4000-8000-000000000000/"]) {
    expect((await page.goto(url))?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Ticket not found" })).toBeVisible();
  }
  await context.close();
});
