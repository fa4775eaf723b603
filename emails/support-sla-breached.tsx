import { Text } from "@react-email/components";
import type { NotificationPayload } from "@/lib/notifications/payload";
import { customerStatusLabel } from "@/lib/notifications/payload";
import { EmailLayout, paragraph } from "./components/email-layout";
import { CLOCK_LABEL, SlaFooter, utc } from "./components/sla";

/** To the assignee (or the team of an unassigned ticket) and the admins: an SLA target was missed. */

export function subject(p: NotificationPayload): string {
  return `SLA breached: ${CLOCK_LABEL[p.sla!.clock].toLowerCase()} on ${p.ticket.number}: ${p.ticket.subject}`;
}

export default function SupportSlaBreached(p: NotificationPayload) {
  const s = p.sla!;
  const what = CLOCK_LABEL[s.clock].toLowerCase();
  return (
    <EmailLayout
      preview={`The ${what} on ${p.ticket.number} was due at ${utc(s.dueAt)}.`}
      productName={p.productName}
      ticketNumber={p.ticket.number}
      statusLabel={customerStatusLabel(p.ticket.status)}
      heading={p.ticket.subject}
      action={{ label: "Open in workspace", href: p.url }}
      footer={<SlaFooter p={p} />}
    >
      <Text style={paragraph}>
        The <strong>{what}</strong> on {p.ticket.number} was due at <strong>{utc(s.dueAt)}</strong> and its SLA is now
        breached.
      </Text>
    </EmailLayout>
  );
}

SupportSlaBreached.PreviewProps = {
  productName: "Caseflow",
  recipientName: "Ada Admin",
  reason: "admin",
  ticket: { id: "7d9c7a1e-0000-4000-8000-000000000001", number: "T-20250131-0042", subject: "Refund for order #10482 hasn't arrived", status: "in_progress" },
  message: null,
  event: "sla",
  statusChange: null,
  sla: { clock: "resolution", dueAt: "2025-02-04T17:00:00.000Z", minutesLeft: 0 },
  openedByAgent: false,
  actorName: "Caseflow",
  url: "http://localhost:3000/agent/tickets/7d9c7a1e-0000-4000-8000-000000000001/",
  preferencesUrl: "http://localhost:3000/agent/settings/",
} satisfies NotificationPayload;
