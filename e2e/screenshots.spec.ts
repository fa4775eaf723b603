import { test } from "@playwright/test";
import { fixtures, shot, signIn } from "./helpers";

/**
 * Acceptance 4: pictures of the four main screens, saved to artifacts/screenshots/ on every
 * run so a reviewer can judge them (they are test artifacts, never committed).
 */
test("portal list and thread", async ({ page }) => {
  const f = fixtures();
  await signIn(page, "blake");
  await shot(page, "portal-list");
  await page.goto(`/portal/tickets/${f.ids["Refund for damaged tent"]}/`);
  await shot(page, "portal-thread");
  await page.setViewportSize({ width: 390, height: 844 });
  await shot(page, "portal-thread-phone");
  await page.goto("/portal/");
  await shot(page, "portal-list-phone");
});

test("agent queue and ticket view", async ({ page }) => {
  const f = fixtures();
  await signIn(page, "agent");
  await shot(page, "agent-queue");
  await page.goto(`/agent/tickets/${f.ids["Refund for damaged tent"]}/`);
  await shot(page, "agent-ticket");
});
