import { expect, test } from "@playwright/test";
import { apiGet, seedData, shot, signIn, tokenFor, watchErrors } from "./helpers";

/**
 * An admin adds an SLA policy for one company with a business-hours calendar on
 * /admin/sla-policies/; a new ticket for that company is then under it (sla_policy in the API),
 * with its first-response clock running.
 */
test("an admin creates a company policy with business hours, and the company's next ticket gets it", async ({ page }) => {
  const errors = watchErrors(page);
  const seed = seedData();
  await signIn(page, "admin");
  await page.goto("/admin/sla-policies/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("SLA policies");
  await page.getByRole("button", { name: "New policy" }).click();
  const form = page.getByRole("form", { name: "New SLA policy" });
  await form.getByLabel("Name").fill("Northwind priority care");
  await form.getByLabel("Companies").selectOption({ label: "Northwind Outfitters" });
  await form.getByLabel("First response target for medium").fill("240");
  await form.getByLabel("Resolution target for medium").fill("960");
  await form.getByLabel("Time zone (IANA, e.g. Europe/Berlin)").fill("America/New_York");
  await expect(form.getByLabel("Monday opens")).toHaveValue("09:00");
  await form.getByLabel(/^Holidays/).fill("2026-12-25 recurring");
  await form.getByRole("button", { name: "Create policy" }).click();
  const row = page.locator("li", { hasText: "Northwind priority care" });
  await expect(row).toContainText("company Northwind Outfitters");
  await expect(row).toContainText("business hours, America/New_York");
  await errors.expectNoErrors();
  await shot(page, "admin-sla-policies");

  const policies = await apiGet<{ results: { id: string; name: string; calendar: { weekly_hours: unknown; holidays: unknown[] } }[] }>(page, "/api/v1/support/sla-policies/");
  const policy = policies.results.find((p) => p.name === "Northwind priority care")!;
  expect(policy.calendar.weekly_hours).not.toBeNull();
  expect(policy.calendar.holidays).toEqual([{ date: "2026-12-25", recurring: true }]);

  const token = await tokenFor(page, "admin");
  const res = await page.request.post("/api/v1/support/tickets/", {
    headers: { authorization: `Bearer ${token}` },
    data: { subject: "Northwind: pallet missing", user: seed.users.casey, order: seed.caseyOrder.id, priority: "medium" },
  });
  expect(res.status(), await res.text()).toBe(201);
  const ticket = (await res.json()) as { id: string; sla_policy: string; first_response_due_at: string | null };
  expect(ticket.sla_policy).toBe(policy.id);
  expect(ticket.first_response_due_at).not.toBeNull();

  // The specs share one database: leave it as the seed made it (tickets are deleted through the CRM API).
  expect((await page.request.delete(`/api/v1/tickets/${ticket.id}/`, { headers: { authorization: `Bearer ${token}` } })).status()).toBe(204);
  expect((await page.request.delete(`/api/v1/support/sla-policies/${policy.id}/`, { headers: { authorization: `Bearer ${token}` } })).status()).toBe(204);
});
