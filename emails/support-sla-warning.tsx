import { Text } from "@react-email/components";
import type { NotificationPayload } from "@/lib/notifications/payload";
import { customerStatusLabel } from "@/lib/notifications/payload";
import { EmailLayout, paragraph } from "./components/email-layout";
import { CLOCK_LABEL, SlaFooter, utc } from "./components/sla";

/** To the assignee (or the team of an unassigned ticket): an SLA target is about to be missed. */

export function subject(p: NotificationPayload): string {
  const s = p.sla!;
  return `[${p.ticket.number}] ${CLOCK_LABEL[s.clock]} due in ${s.minutesLeft} min: ${p.ticket.subject}`;
}

export default function SupportSlaWarning(p: NotificationPayload) {
  const s = p.sla!;
  const what = CLOCK_LABEL[s.clock].toLowerCase();
  return (
    <EmailLayout
      preview={`The ${what} on ${p.ticket.number} is due in ${s.minutesLeft} min.`}
      productName={p.productName}
      ticketNumber={p.ticket.number}
      statusLabel={customerStatusLabel(p.ticket.status)}
      heading={p.ticket.subject}
      action={{ label: "Open in workspace", href: p.url }}
      footer={<SlaFooter p={p} />}
    >
      <Text style={paragraph}>
        The <strong>{what}</strong> on {p.ticket.number} is due in <strong>{s.minutesLeft} min</strong>, at {utc(s.dueAt)}.
        Act on it before then to keep within its SLA.
      </Text>
    </EmailLayout>
  );
}

SupportSlaWarning.PreviewProps = {
  productName: "Caseflow",
  recipientName: "Sam Ortega",
  reason: "assignee",
  ticket: { id: "7d9c7a1e-0000-4000-8000-000000000001", number: "T-20250131-0042", subject: "Refund for order #10482 hasn't arrived", status: "assigned" },
  message: null,
  event: "sla",
  statusChange: null,
  sla: { clock: "first_response", dueAt: "2025-02-03T13:00:00.000Z", minutesLeft: 60 },
  openedByAgent: false,
  actorName: "Caseflow",
  url: "http://localhost:3000/agent/tickets/7d9c7a1e-0000-4000-8000-000000000001/",
  preferencesUrl: "http://localhost:3000/agent/settings/",
} satisfies NotificationPayload;
