import { expect, test } from "@playwright/test";
import { apiGet, seedData, shot, signIn } from "./helpers";

/**
 * Issue 11, acceptance 5: two agents have the same ticket open; Alex replies; when Sam then
 * sends, Sam is shown what changed and asked before anything is posted. "Send anyway" posts.
 */
test("the second agent to send sees what changed and chooses to send anyway", async ({ browser }) => {
  const f = seedData();
  const id = f.ids["Kayak paddle blade cracked"];
  const ctxA = await browser.newContext();
  const ctxB = await browser.newContext();
  const alex = await ctxA.newPage();
  const sam = await ctxB.newPage();
  await signIn(alex, "agent", `/agent/tickets/${id}/`);
  await signIn(sam, "agent2", `/agent/tickets/${id}/`);
  const box = (p: typeof alex) => p.getByRole("textbox", { name: "Your message" });

  // Sam starts a reply; meanwhile Alex answers first.
  await box(sam).fill("Sam here: can you send a photo of the blade?");
  await box(alex).fill("Alex here: a replacement blade ships today.");
  await alex.getByRole("button", { name: "Send", exact: true }).click();
  await expect(alex.getByTestId("message").filter({ hasText: "Alex here" })).toBeVisible();

  await sam.getByRole("button", { name: "Send", exact: true }).click();
  const warning = sam.getByRole("alertdialog", { name: "This ticket changed since you opened it" });
  await expect(warning).toBeVisible();
  await expect(warning).toContainText("Alex Rivera replied: “Alex here: a replacement blade ships today.”");
  await expect(warning).toContainText("Assigned to Alex Rivera (was nobody)");
  await shot(sam, "agent-ticket-collision-warning");
  // Nothing of Sam's was posted.
  const before = await apiGet(sam, `/api/v1/support/messages/?ticket=${id}`);
  expect(before.results.map((m: { body: string }) => m.body)).not.toContain("Sam here: can you send a photo of the blade?");
  await expect(box(sam)).toHaveValue("Sam here: can you send a photo of the blade?");

  await warning.getByRole("button", { name: "Send anyway" }).click();
  await expect(warning).toBeHidden();
  await expect(sam.getByTestId("message").filter({ hasText: "Sam here" })).toBeVisible();
  const after = await apiGet(sam, `/api/v1/support/messages/?ticket=${id}`);
  expect(after.results.map((m: { body: string }) => m.body)).toEqual(expect.arrayContaining(["Alex here: a replacement blade ships today.", "Sam here: can you send a photo of the blade?"]));

  // With nothing new since, Sam's next reply goes straight through.
  await box(sam).fill("Sam again: thanks.");
  await sam.getByRole("button", { name: "Send", exact: true }).click();
  await expect(sam.getByTestId("message").filter({ hasText: "Sam again" })).toBeVisible();
  await expect(warning).toHaveCount(0);
  await ctxA.close();
  await ctxB.close();
});
