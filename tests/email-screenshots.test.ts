import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromium, type Browser } from "@playwright/test";
import type { NotificationKind } from "@/lib/db/generated/client";
import { renderNotification } from "@/lib/notifications/render-notification";
import { pngSize } from "./support/png";
import type { NotificationPayload } from "@/lib/notifications/payload";
import SupportTicketUpdate from "@/emails/support-ticket-update";
import SupportCustomerReply from "@/emails/support-customer-reply";
import SupportTicketCreated from "@/emails/support-ticket-created";
import SupportSlaWarning from "@/emails/support-sla-warning";
import SupportSlaBreached from "@/emails/support-sla-breached";

// Every email template, rendered with sample data. Its subject, plain text and HTML carry the
// ticket's number, subject, link and message, with nothing left unrendered; in Chromium it shows
// its heading and action link without fetching anything and without scrolling sideways. The
// screenshots (desktop and phone width) go to artifacts/emails/ for review; they are not committed.
const OUT = path.resolve("artifacts/emails");

const reply = SupportTicketUpdate.PreviewProps as NotificationPayload;
const CASES: { name: string; kind: NotificationKind; payload: NotificationPayload }[] = [
  { name: "support-ticket-update", kind: "ticket_update", payload: reply },
  {
    name: "support-ticket-update-status",
    kind: "ticket_update",
    payload: { ...reply, event: "status", message: null, statusChange: { from: "in_progress", to: "resolved" }, ticket: { ...reply.ticket, status: "resolved" } },
  },
  { name: "support-customer-reply", kind: "customer_reply", payload: SupportCustomerReply.PreviewProps as NotificationPayload },
  { name: "support-ticket-created", kind: "ticket_created", payload: SupportTicketCreated.PreviewProps as NotificationPayload },
  { name: "support-sla-warning", kind: "sla_warning", payload: SupportSlaWarning.PreviewProps as NotificationPayload },
  { name: "support-sla-breached", kind: "sla_breached", payload: SupportSlaBreached.PreviewProps as NotificationPayload },
];

// Signs of a template value that did not render: JavaScript's empty values or template braces.
const UNRENDERED = /\bundefined\b|\bnull\b|\bNaN\b|\[object Object\]|\{\{|\}\}/;

let browser: Browser;
beforeAll(async () => {
  fs.mkdirSync(OUT, { recursive: true });
  const system = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
  browser = await chromium.launch({
    executablePath: fs.existsSync(system) ? system : undefined,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
});
afterAll(async () => {
  await browser?.close();
});

describe("email templates", () => {
  for (const c of CASES) {
    it(`${c.name}: text and HTML carry the essentials; renders offline at 1200px and 390px`, async () => {
      const mail = await renderNotification(c.kind, c.payload);
      const p = c.payload;
      expect(mail.subject).toContain(p.ticket.number);
      expect(mail.subject).toContain(p.ticket.subject);
      const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/'/g, "&#x27;").replace(/"/g, "&quot;");
      for (const [part, enc] of [[mail.text, (s: string) => s], [mail.html, esc]] as const) {
        expect(part).toContain(enc(p.ticket.number));
        expect(part).toContain(enc(p.ticket.subject));
        expect(part).toContain(enc(p.url));
        if (p.message) expect(part).toContain(enc(p.message.body.split("\n")[0]));
        expect(part).not.toMatch(UNRENDERED);
      }
      // Rendering is deterministic, so a retry sends identical bytes under the same idempotency key.
      expect((await renderNotification(c.kind, c.payload)).html).toBe(mail.html);
      fs.writeFileSync(path.join(OUT, `${c.name}.txt`), `Subject: ${mail.subject}\n\n${mail.text}`);
      fs.writeFileSync(path.join(OUT, `${c.name}.html`), mail.html);

      for (const [label, width] of [["desktop", 1200], ["phone", 390]] as const) {
        const page = await browser.newPage({ viewport: { width, height: 800 }, deviceScaleFactor: 1 });
        // The email must not need the network: block every request it might make, and count them.
        const fetched: string[] = [];
        await page.route("**/*", (route) => {
          fetched.push(route.request().url());
          return route.abort();
        });
        await page.setContent(mail.html, { waitUntil: "load" });
        const file = path.join(OUT, `${c.name}-${label}.png`);
        await page.screenshot({ path: file, fullPage: true });
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, `${c.name} scrolls sideways at ${width}px`).toBeLessThanOrEqual(0);
        // What a reader sees: the ticket's subject as the heading, its number, the action link.
        const seen = await page.evaluate(() => ({
          headings: [...document.querySelectorAll("h1")].map((h) => (h as HTMLElement).innerText.trim()),
          text: document.body.innerText,
          links: [...document.querySelectorAll("a")].filter((a) => a.getBoundingClientRect().width > 0).map((a) => a.getAttribute("href")),
          height: document.documentElement.scrollHeight,
        }));
        await page.close();
        expect(seen.headings).toEqual([p.ticket.subject]);
        expect(seen.text).toContain(p.ticket.number);
        expect(seen.text).not.toMatch(UNRENDERED);
        expect(seen.links).toContain(p.url);
        expect(fetched, "requests the email tried to make").toEqual([]);
        // The screenshot is a real PNG of the whole email at the width it was taken at.
        expect(fs.statSync(file).size).toBeGreaterThan(5_000);
        expect(pngSize(file)).toEqual({ width, height: Math.max(800, seen.height), bytes: fs.statSync(file).size });
      }
    });
  }
});
