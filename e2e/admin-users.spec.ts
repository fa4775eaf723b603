import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { signIn, watchErrors } from "./helpers";
import { USERS } from "./users";

/** Every page under app/(admin), as a URL (a made-up id in dynamic segments): pages added later are walked too. */
function adminPageUrls(): string[] {
  const root = path.resolve(import.meta.dirname ?? __dirname, "../app/(admin)");
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const abs = path.join(dir, name);
      if (statSync(abs).isDirectory()) walk(abs);
      else if (name === "page.tsx") {
        const segs = path.relative(root, dir).split(path.sep).filter((s) => !/^\(.*\)$/.test(s) && !s.startsWith("_"));
        out.push(`/${segs.map((s) => (/^\[.*\]$/.test(s) ? "00000000-0000-4000-8000-00000000abcd" : s)).join("/")}/`);
      }
    }
  };
  walk(root);
  return out.sort();
}

test("an admin changes an agent's role on /admin/users/ and finds it in the audit log", async ({ page }) => {
  const errors = watchErrors(page);
  await signIn(page, "admin");
  await page.getByRole("link", { name: "Admin", exact: true }).click();
  await page.waitForURL("**/admin/users/");
  await expect(page.getByRole("heading", { name: "Users" })).toBeVisible();
  const nav = page.getByRole("navigation", { name: "Administration" });
  for (const label of ["Users", "Invitations", "Teams", "Companies", "SLA policies", "Settings", "Audit log"]) {
    await expect(nav.getByRole("link", { name: label })).toBeVisible();
  }

  const sam = USERS.agent2;
  await page.getByRole("searchbox", { name: "Search" }).fill("sam.support");
  const role = page.getByLabel(`Role of ${sam.email}`);
  await expect(role).toHaveValue("customer_service");
  await role.selectOption("sales_manager");
  await expect(role).toHaveValue("sales_manager");

  await nav.getByRole("link", { name: "Audit log" }).click();
  await page.waitForURL("**/admin/audit-log/");
  const row = page.locator("tr[data-action='user.updated']").filter({ hasText: sam.email }).first();
  await expect(row).toContainText("role customer_service → sales_manager");
  await expect(row).toContainText(USERS.admin.email);
  await expect(page.locator("tr[data-action='auth.signed_in']").filter({ hasText: USERS.admin.email }).first()).toBeVisible();

  // Put Sam back through the same page, so the other specs find the agent they expect.
  await nav.getByRole("link", { name: "Users" }).click();
  await page.getByRole("searchbox", { name: "Search" }).fill("sam.support");
  await page.getByLabel(`Role of ${sam.email}`).selectOption("customer_service");
  await expect(page.getByLabel(`Role of ${sam.email}`)).toHaveValue("customer_service");
  await expect(page.getByRole("main").getByRole("alert")).toHaveCount(0);
  await errors.expectNoErrors();
});

for (const who of ["agent", "casey"] as const) {
  test(`every /admin page is a 404 for ${who === "agent" ? "an agent" : "a customer"}`, async ({ page }) => {
    await signIn(page, who);
    const urls = adminPageUrls();
    expect(urls).toEqual(expect.arrayContaining(["/admin/", "/admin/users/", "/admin/audit-log/"]));
    for (const url of urls) expect((await page.goto(url))?.status(), url).toBe(404);
    if (who === "agent") {
      await page.goto("/agent/");
      await expect(page.getByRole("link", { name: "Admin", exact: true })).toHaveCount(0);
    }
    expect((await page.request.get("/api/v1/admin/users/")).status()).toBe(403);
    expect((await page.request.get("/api/v1/audit-log/")).status()).toBe(403);
  });
}
