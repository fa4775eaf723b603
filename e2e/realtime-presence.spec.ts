import { expect, test } from "@playwright/test";
import { seedData, signIn } from "./helpers";
import { USERS } from "./users";

/**
 * Two agents, each in their own browser context, open the same ticket: each sees the other
 * in "Also here", and the indicator goes once the other leaves the ticket.
 */
test("two agents on one ticket see each other until one leaves", async ({ browser }) => {
  const ticketId = Object.values(seedData().ids)[0];
  const [ctxA, ctxB] = await Promise.all([browser.newContext(), browser.newContext()]);
  try {
    const [a, b] = await Promise.all([ctxA.newPage(), ctxB.newPage()]);
    await signIn(a, "agent");
    await signIn(b, "agent2");
    await a.goto(`/agent/tickets/${ticketId}/`);
    await b.goto(`/agent/tickets/${ticketId}/`);

    const seenByA = a.locator("[data-presence]");
    const seenByB = b.locator("[data-presence]");
    await expect(seenByA).toContainText(`Also here: ${USERS.agent2.name}`);
    await expect(seenByB).toContainText(`Also here: ${USERS.agent.name}`);

    // Sam goes back to the queue: Alex's indicator disappears without a reload.
    await b.goto("/agent/");
    await expect(seenByA).toHaveCount(0);
  } finally {
    await Promise.all([ctxA.close(), ctxB.close()]);
  }
});
