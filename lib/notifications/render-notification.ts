import type { ReactElement } from "react";
import { render, toPlainText } from "@react-email/render";
import type { NotificationKind } from "@/lib/db/generated/client";
import { notificationPayloadSchema, type NotificationPayload } from "./payload";
import { accountPayloadSchema, type AccountMailProps } from "./account-mail";
import { unseal } from "./seal";

interface TemplateModule {
  default: (p: NotificationPayload) => ReactElement;
  subject: (p: NotificationPayload) => string;
}

interface AccountTemplateModule {
  default: (p: AccountMailProps) => ReactElement;
  subject: (p: AccountMailProps) => string;
}

const ACCOUNT_TEMPLATES: Record<string, () => Promise<AccountTemplateModule>> = {
  account_verify_email: () => import("@/emails/account-verify-email"),
  account_password_reset: () => import("@/emails/account-password-reset"),
  account_magic_link: () => import("@/emails/account-magic-link"),
  account_exists: () => import("@/emails/account-exists"),
  account_invitation: () => import("@/emails/account-invitation"),
  account_change_email: () => import("@/emails/account-change-email"),
};

// Loaded lazily, so a template that is missing or fails to import breaks only its own sends
// (the worker retries, then dead-letters with the error), never a request or the worker.
const TEMPLATES: Partial<Record<NotificationKind, () => Promise<TemplateModule>>> = {
  ticket_update: () => import("@/emails/support-ticket-update"),
  customer_reply: () => import("@/emails/support-customer-reply"),
  ticket_created: () => import("@/emails/support-ticket-created"),
  sla_warning: () => import("@/emails/support-sla-warning"),
  sla_breached: () => import("@/emails/support-sla-breached"),
};

const MERGED_TEMPLATE = () => import("@/emails/support-ticket-merged") as Promise<TemplateModule>;

export interface RenderedMail {
  subject: string;
  html: string;
  text: string;
}

// Links as "label <url>" are what readers of text mail expect; images carry nothing.
const TEXT_OPTIONS: Parameters<typeof toPlainText>[1] = {
  wordwrap: false,
  selectors: [
    { selector: "a", options: { linkBrackets: ["<", ">"], hideLinkHrefIfSameAsText: true } },
    { selector: "img", format: "skip" },
    // The logo letter and the "button not working?" fallback only make sense in HTML.
    { selector: "span.cf-logo", format: "skip" },
    { selector: "p.cf-fallback", format: "skip" },
    { selector: "h1", options: { uppercase: false } },
  ],
};

/** Renders a notification from its stored payload. Deterministic: a retry renders the same bytes. */
export async function renderNotification(
  kind: NotificationKind,
  payload: unknown,
  templates: Partial<Record<NotificationKind, () => Promise<TemplateModule>>> = {},
): Promise<RenderedMail> {
  let element: ReactElement;
  let subject: string;
  const account = ACCOUNT_TEMPLATES[kind];
  if (account && !templates[kind]) {
    const { sealedUrl, ...rest } = accountPayloadSchema.parse(payload);
    const p: AccountMailProps = { ...rest, url: unseal(sealedUrl) };
    const mod = await account();
    element = mod.default(p);
    subject = mod.subject(p);
  } else {
    const p = notificationPayloadSchema.parse(payload);
    // A merge is a ticket update with its own wording (one email: no separate "closed" one).
    const load = templates[kind] ?? (kind === "ticket_update" && p.event === "merged" ? MERGED_TEMPLATE : TEMPLATES[kind]);
    if (!load) throw new Error(`No email template for notification kind "${kind}".`);
    const mod = await load();
    element = mod.default(p);
    subject = mod.subject(p);
  }
  // One React render: the text part is converted from the same HTML (what `render` does with
  // `plainText: true`, which would render the tree a second time). The outbox worker shares the
  // event loop with requests, so its CPU per mail is request latency: ~6 ms became ~3.
  const html = await render(element);
  const text = toPlainText(html, TEXT_OPTIONS);
  return { subject, html, text: text.trim() + "\n" };
}
