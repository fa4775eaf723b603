import { Text } from "@react-email/components";
import type { NotificationPayload } from "@/lib/notifications/payload";
import { customerStatusLabel } from "@/lib/notifications/payload";
import { EmailLayout, firstName, footerText, paragraph, QuotedMessage } from "./components/email-layout";

/** To the customer: an agent replied publicly, or the request changed status. Never internal notes. */

const STATUS_NEWS: Record<string, string> = {
  Open: "Your request has been reopened and is back in our queue.",
  "In progress": "One of our team is working on your request now.",
  "Waiting for your reply": "We need a little more information from you before we can continue.",
  Resolved: "We believe your request is sorted. If anything is still not right, reply in the portal and it reopens.",
  Closed: "This request is now closed. If you need more help, reply in the portal or open a new request.",
};

export function subject(p: NotificationPayload): string {
  if (p.event === "status" && p.statusChange) {
    return `${customerStatusLabel(p.statusChange.to)}: ${p.ticket.subject} [${p.ticket.number}]`;
  }
  return `Re: ${p.ticket.subject} [${p.ticket.number}]`;
}

export default function SupportTicketUpdate(p: NotificationPayload) {
  const status = p.statusChange ? customerStatusLabel(p.statusChange.to) : customerStatusLabel(p.ticket.status);
  const isStatus = p.event === "status" && p.statusChange;
  const preview = isStatus
    ? `Your request is now ${status.toLowerCase()}.`
    : `${p.actorName} replied: ${(p.message?.body ?? "").slice(0, 120)}`;
  return (
    <EmailLayout
      preview={preview}
      productName={p.productName}
      ticketNumber={p.ticket.number}
      statusLabel={status}
      heading={p.ticket.subject}
      action={{ label: isStatus ? "View your request" : "View and reply", href: p.url }}
      footer={
        <>
          <Text style={footerText}>
            You are receiving this because you have a support request with {p.productName}. We only email you about your
            own requests, and updates stop once it is closed.
          </Text>
          <Text style={footerText}>Please reply in the portal rather than to this email.</Text>
        </>
      }
    >
      <Text style={paragraph}>Hi {firstName(p.recipientName)},</Text>
      {isStatus ? (
        <Text style={paragraph}>
          {STATUS_NEWS[status] ?? `Your request is now ${status.toLowerCase()}.`} Status: <strong>{status}</strong>.
        </Text>
      ) : (
        <>
          <Text style={paragraph}>
            <strong>{p.actorName}</strong> from the {p.productName} support team replied to your request:
          </Text>
          {p.message ? <QuotedMessage {...p.message} /> : null}
        </>
      )}
    </EmailLayout>
  );
}

SupportTicketUpdate.PreviewProps = {
  productName: "Caseflow",
  recipientName: "Dana Whitfield",
  reason: "customer",
  ticket: { id: "7d9c7a1e-0000-4000-8000-000000000001", number: "T-20250131-0042", subject: "Refund for order #10482 hasn't arrived", status: "pending" },
  message: {
    id: "7d9c7a1e-0000-4000-8000-000000000002",
    body: "Hi Dana,\n\nThanks for your patience. I've checked with our payments team: the refund of $84.90 was issued on January 29 and usually takes 3–5 business days to show on your statement.\n\nCould you confirm the last four digits of the card you paid with, so I can make sure it went to the right place?\n\nBest,\nSam",
    authorName: "Sam Ortega",
    createdAt: "2025-01-31T17:05:00.000Z",
    attachments: ["refund-receipt.pdf"],
  },
  event: "reply",
  statusChange: null,
  sla: null,
  openedByAgent: false,
  actorName: "Sam Ortega",
  url: "http://localhost:3000/portal/tickets/7d9c7a1e-0000-4000-8000-000000000001/",
  preferencesUrl: null,
} satisfies NotificationPayload;
