import { expect, test, type Page } from "@playwright/test";
import { apiGet, PNG_1X1, shot, signIn, watchErrors } from "./helpers";

/**
 * The portal's attachments (issue 11): a phone-sized photo (3 MB) goes through the new-ticket
 * form, images show inline, and the reply box takes pasted and dropped images. The new-ticket
 * form also shows every field's error at once.
 */

/** A real PNG (the upload check reads the magic bytes) padded to `mb` megabytes after IEND. */
function photo(mb: number): Buffer {
  return Buffer.concat([PNG_1X1, Buffer.alloc(mb * 1024 * 1024 - PNG_1X1.length, 7)]);
}

/** Fires a paste or drop event carrying one PNG file, as the browser does for a screenshot. */
async function sendFileEvent(page: Page, selector: string, kind: "paste" | "drop", name: string) {
  await page.locator(selector).evaluate((el, { kind, name, b64 }) => {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const dt = new DataTransfer();
    dt.items.add(new File([bytes], name, { type: "image/png" }));
    const event = kind === "paste"
      ? new ClipboardEvent("paste", { clipboardData: dt, bubbles: true, cancelable: true })
      : new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true });
    el.dispatchEvent(event);
  }, { kind, name, b64: PNG_1X1.toString("base64") });
}

test("the new-ticket form shows every error at once", async ({ page }) => {
  await signIn(page, "blake");
  await page.goto("/portal/tickets/new/");
  await page.getByRole("button", { name: "Send ticket" }).click();
  // One submit: the subject's error and the message's, not one after the other.
  await expect(page.locator('[id$="-subject-err"]')).toBeVisible();
  await expect(page.locator('[id$="-initial_message-err"]')).toBeVisible();
  await expect(page.getByLabel("Subject")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Message")).toHaveAttribute("aria-invalid", "true");
});

test("a 3 MB photo opens a ticket from the portal, shows inline, and replies take pasted and dropped images", async ({ page }) => {
  const errors = watchErrors(page);
  await signIn(page, "blake");
  await page.goto("/portal/tickets/new/");
  const subject = `Cracked lantern glass ${Date.now()}`;
  await page.getByLabel("Subject").fill(subject);
  await page.getByLabel("Message").fill("The glass of the lantern was cracked in the box. Photo attached.");
  await page.getByLabel(/Attachments/).setInputFiles({ name: "IMG_2041.png", mimeType: "image/png", buffer: photo(3) });
  const picked = page.getByTestId("picked-file");
  await expect(picked).toHaveCount(1);
  await expect(picked).toContainText("IMG_2041.png");
  await expect(picked.getByTestId("file-preview")).toBeVisible();
  await page.getByRole("button", { name: "Send ticket" }).click();
  await page.waitForURL(/\/portal\/tickets\/[0-9a-f-]+\/\?created=1/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(subject);

  // Stored whole, and shown as an image in the thread.
  const id = new URL(page.url()).pathname.split("/")[3];
  const msgs = await apiGet<{ results: { attachments: { name: string; size: number; content_type: string }[] }[] }>(page, `/api/v1/support/messages/?ticket=${id}`);
  expect(msgs.results[0].attachments).toEqual([expect.objectContaining({ name: "IMG_2041.png", size: 3 * 1024 * 1024, content_type: "image/png" })]);
  const preview = page.getByTestId("attachment-preview");
  await expect(preview).toBeVisible();
  await expect.poll(() => preview.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);

  // A pasted screenshot and a dropped image join the reply.
  await sendFileEvent(page, 'form[aria-label="Reply"] textarea', "paste", "pasted.png");
  await sendFileEvent(page, 'form[aria-label="Reply"]', "drop", "dropped.png");
  const toAttach = page.getByRole("list", { name: "Files to attach" }).getByRole("listitem");
  await expect(toAttach).toHaveCount(2);
  await expect(toAttach.getByTestId("file-preview")).toHaveCount(2);
  await page.getByLabel("Your message").fill("Two more pictures.");
  await page.getByRole("button", { name: "Send reply" }).click();
  await expect(page.getByTestId("message")).toHaveCount(2);
  await expect(page.getByTestId("message").last().getByTestId("attachment-preview")).toHaveCount(2);
  await errors.expectNoErrors();
  await shot(page, "portal-thread-attachments");
});
