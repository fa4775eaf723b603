import { Link, Text } from "@react-email/components";
import type { NotificationPayload } from "@/lib/notifications/payload";
import { customerStatusLabel } from "@/lib/notifications/payload";
import { BRAND, EmailLayout, footerText, paragraph, QuotedMessage } from "./components/email-layout";

/** To the agents: a customer replied (to the assignee; if unassigned, to watchers, else the team). */

const WHY: Record<NotificationPayload["reason"], string> = {
  assignee: "you are assigned to this ticket",
  watcher: "you are watching this ticket and it has no assignee",
  team: "you are on the team for this ticket and it has no assignee",
  customer: "you are on this ticket",
  admin: "you are an administrator",
};

export function subject(p: NotificationPayload): string {
  return `New reply from ${p.actorName}: ${p.ticket.subject} [${p.ticket.number}]`;
}

export default function SupportCustomerReply(p: NotificationPayload) {
  return (
    <EmailLayout
      preview={`${p.actorName}: ${(p.message?.body ?? "").slice(0, 120)}`}
      productName={p.productName}
      ticketNumber={p.ticket.number}
      statusLabel={customerStatusLabel(p.ticket.status)}
      heading={p.ticket.subject}
      action={{ label: "Open in workspace", href: p.url }}
      footer={
        <>
          <Text style={footerText}>You are receiving this because {WHY[p.reason]}.</Text>
          {p.preferencesUrl ? (
            <Text style={footerText}>
              Don&apos;t want these emails?{" "}
              <Link href={p.preferencesUrl} style={{ color: BRAND }}>
                Change your notification settings
              </Link>
              .
            </Text>
          ) : null}
        </>
      }
    >
      <Text style={paragraph}>
        <strong>{p.actorName}</strong> replied to {p.ticket.number}:
      </Text>
      {p.message ? <QuotedMessage {...p.message} /> : null}
    </EmailLayout>
  );
}

SupportCustomerReply.PreviewProps = {
  productName: "Caseflow",
  recipientName: "Sam Ortega",
  reason: "assignee",
  ticket: { id: "7d9c7a1e-0000-4000-8000-000000000001", number: "T-20250131-0042", subject: "Refund for order #10482 hasn't arrived", status: "in_progress" },
  message: {
    id: "7d9c7a1e-0000-4000-8000-000000000003",
    body: "Hi Sam, thanks for looking into it!\n\nThe card ends in 4417. I still don't see anything on my statement as of this morning.",
    authorName: "Dana Whitfield",
    createdAt: "2025-02-01T09:12:00.000Z",
    attachments: [],
  },
  event: "reply",
  statusChange: null,
  sla: null,
  openedByAgent: false,
  actorName: "Dana Whitfield",
  url: "http://localhost:3000/agent/tickets/7d9c7a1e-0000-4000-8000-000000000001/",
  preferencesUrl: "http://localhost:3000/agent/settings/",
} satisfies NotificationPayload;
