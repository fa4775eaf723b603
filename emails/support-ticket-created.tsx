import { Text } from "@react-email/components";
import type { NotificationPayload } from "@/lib/notifications/payload";
import { EmailLayout, firstName, footerText, paragraph, QuotedMessage } from "./components/email-layout";

/** To the customer: we have your request (or an agent opened one for you). */

export function subject(p: NotificationPayload): string {
  return p.openedByAgent
    ? `We opened a support request for you: ${p.ticket.subject} [${p.ticket.number}]`
    : `We received your request: ${p.ticket.subject} [${p.ticket.number}]`;
}

export default function SupportTicketCreated(p: NotificationPayload) {
  return (
    <EmailLayout
      preview={`Your request number is ${p.ticket.number}. We'll email you when there's an update.`}
      productName={p.productName}
      ticketNumber={p.ticket.number}
      statusLabel="Open"
      heading={p.ticket.subject}
      action={{ label: "View your request", href: p.url }}
      footer={
        <Text style={footerText}>
          You are receiving this because{" "}
          {p.openedByAgent ? `${p.productName} support opened a request for you` : `you contacted ${p.productName} support`}. We
          only email you about your own requests.
        </Text>
      }
    >
      <Text style={paragraph}>Hi {firstName(p.recipientName)},</Text>
      <Text style={paragraph}>
        {p.openedByAgent
          ? `${p.actorName} opened this request for you. We'll keep you posted here and by email.`
          : "Thanks for getting in touch. Your request is in our queue and someone from our team will reply soon. We'll email you as soon as there's an update."}{" "}
        Your reference is <strong style={{ whiteSpace: "nowrap" }}>{p.ticket.number}</strong>.
      </Text>
      {p.message ? <QuotedMessage {...p.message} /> : null}
    </EmailLayout>
  );
}

SupportTicketCreated.PreviewProps = {
  productName: "Caseflow",
  recipientName: "Dana Whitfield",
  reason: "customer",
  ticket: { id: "7d9c7a1e-0000-4000-8000-000000000001", number: "T-20250131-0042", subject: "Refund for order #10482 hasn't arrived", status: "new" },
  message: {
    id: null,
    body: "I returned the blender from order #10482 two weeks ago and the tracking shows you received it on January 20, but I haven't seen the refund yet. Can you check?",
    authorName: "Dana Whitfield",
    createdAt: "2025-01-31T08:30:00.000Z",
    attachments: [],
  },
  event: "created",
  statusChange: null,
  sla: null,
  openedByAgent: false,
  actorName: "Dana Whitfield",
  url: "http://localhost:3000/portal/tickets/7d9c7a1e-0000-4000-8000-000000000001/",
  preferencesUrl: null,
} satisfies NotificationPayload;
