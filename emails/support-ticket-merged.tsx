import { Text } from "@react-email/components";
import type { NotificationPayload } from "@/lib/notifications/payload";
import { EmailLayout, firstName, footerText, paragraph } from "./components/email-layout";

/**
 * To the customer of a merged duplicate: their request continues in another ticket. The only
 * email a merge sends (no separate "your request was closed" one). The other ticket is named
 * only when the customer may open it.
 */

export function subject(p: NotificationPayload): string {
  return `Merged: ${p.ticket.subject} [${p.ticket.number}]`;
}

export default function SupportTicketMerged(p: NotificationPayload) {
  const into = p.merge?.visible ? p.merge : null;
  return (
    <EmailLayout
      preview={into ? `Your request continues in ${into.number}.` : "Your request was merged with another one we are already working on."}
      productName={p.productName}
      ticketNumber={p.ticket.number}
      statusLabel="Merged"
      heading={p.ticket.subject}
      action={{ label: into ? `Open ${into.number}` : "View your request", href: p.url }}
      footer={
        <>
          <Text style={footerText}>
            You are receiving this because you have a support request with {p.productName}. We only email you about your
            own requests.
          </Text>
          <Text style={footerText}>Please reply in the portal rather than to this email.</Text>
        </>
      }
    >
      <Text style={paragraph}>Hi {firstName(p.recipientName)},</Text>
      {into ? (
        <Text style={paragraph}>
          <strong>{p.actorName}</strong> from the {p.productName} support team merged this request into{" "}
          <strong>
            {into.number}: {into.subject}
          </strong>
          , which covers the same issue. Your messages and files moved there, and that is where we will reply from now on.
        </Text>
      ) : (
        <Text style={paragraph}>
          <strong>{p.actorName}</strong> from the {p.productName} support team merged this request with another one about the
          same issue that we are already working on. Nothing you sent is lost, and you do not need to do anything.
        </Text>
      )}
    </EmailLayout>
  );
}

SupportTicketMerged.PreviewProps = {
  productName: "Caseflow",
  recipientName: "Dana Whitfield",
  reason: "customer",
  ticket: { id: "7d9c7a1e-0000-4000-8000-000000000003", number: "T-20250131-0043", subject: "Refund still missing", status: "closed" },
  message: null,
  event: "merged",
  statusChange: null,
  sla: null,
  merge: { number: "T-20250131-0042", subject: "Refund for order #10482 hasn't arrived", visible: true },
  openedByAgent: false,
  actorName: "Sam Ortega",
  url: "http://localhost:3000/portal/tickets/7d9c7a1e-0000-4000-8000-000000000001/",
  preferencesUrl: null,
} satisfies NotificationPayload;
