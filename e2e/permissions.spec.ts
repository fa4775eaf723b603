import { expect, test } from "@playwright/test";
import { seedData, signIn } from "./helpers";
import { SECRET_NOTE } from "./users";

/** A customer never reaches another customer's ticket or any internal note. */
test("another customer's ticket URL is a not-found page, in the portal and the API", async ({ page }) => {
  const f = seedData();
  const blakes = f.ids["Refund for damaged tent"];
  await signIn(page, "casey");
  const res = await page.goto(`/portal/tickets/${blakes}/`);
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Ticket not found" })).toBeVisible();
  const html = await page.content();
  expect(html).not.toContain("Refund for damaged tent");
  expect(html).not.toContain(SECRET_NOTE);
  for (const url of [`/api/v1/support/tickets/${blakes}/`]) {
    expect((await page.request.get(url)).status()).toBe(404);
  }
  const msgs = await (await page.request.get(`/api/v1/support/messages/?ticket=${blakes}`)).json();
  expect(msgs.results).toEqual([]);
  // The agent workspace does not exist for customers either, and visiting it has no effect
  // (their own ticket's unread reply stays unread).
  expect((await page.goto(`/agent/tickets/${blakes}/`))?.status()).toBe(404);
  expect((await page.goto("/agent/"))?.status()).toBe(404);
  const own = f.ids["Invoice shows the wrong company name"];
  expect((await page.goto(`/agent/tickets/${own}/`))?.status()).toBe(404);
  expect((await (await page.request.get(`/api/v1/support/tickets/${own}/`)).json()).unread_by_customer).toBe(1);
});

test("the owner never sees internal notes or AI output anywhere in the HTML", async ({ page }) => {
  const f = seedData();
  const refund = f.ids["Refund for damaged tent"];
  await signIn(page, "blake");
  for (const url of ["/portal/", `/portal/tickets/${refund}/`]) {
    const res = await page.goto(url);
    expect(res?.status()).toBe(200);
    const raw = await res!.text(); // server HTML incl. the serialized props of client components
    expect(raw).not.toContain(SECRET_NOTE);
    expect(raw).not.toContain("bent poles and asks for a refund"); // the AI summary
    expect(await page.content()).not.toContain(SECRET_NOTE);
  }
  await expect(page.getByTestId("message")).toHaveCount(3);
  await expect(page.locator('[data-internal="true"]')).toHaveCount(0);
  const api = await (await page.request.get(`/api/v1/support/messages/?ticket=${refund}`)).json();
  expect(JSON.stringify(api)).not.toContain(SECRET_NOTE);
});

test("a thread can be read with JavaScript disabled", async ({ browser }) => {
  const f = seedData();
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await signIn(page, "blake");
  const nojs = await browser.newContext({ javaScriptEnabled: false, storageState: await ctx.storageState() });
  const p = await nojs.newPage();
  await p.goto(`/portal/tickets/${f.ids["Refund for damaged tent"]}/`);
  await expect(p.getByRole("heading", { name: "Refund for damaged tent" })).toBeVisible();
  await expect(p.getByTestId("message").filter({ hasText: "Could you send a photo" })).toBeVisible();
  await nojs.close();
  await ctx.close();
});
