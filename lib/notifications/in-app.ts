import type { Prisma, UserNotificationKind } from "@/lib/db/generated/client";
import { CLOCK_LABEL } from "@/emails/components/sla";
import type { SlaNotice } from "./enqueue-notifications";
import { clip } from "./payload";
import type { TicketForNotify } from "./recipients";

/*
 * The bell's write side: user_notifications rows, written inside the transaction of what caused
 * them (like the outbox), so a notification exists if and only if its cause committed. SLA
 * alerts call this in the transaction that inserts the alert's unique sla_alerts row, so each
 * recipient gets exactly one per clock, kind and due time.
 *
 * Email mutes (notification_preferences) do not apply here: they are email switches, and like
 * Zendesk and Zammad the in-app list keeps everything (it is quiet by nature, and it is where
 * an agent who muted the emails still finds the breach). Deactivated users and customers never
 * get one: the callers pass active agents only.
 */

const MAX_TITLE = 200;
const MAX_BODY = 500;

export async function createUserNotifications(
  tx: Prisma.TransactionClient,
  kind: UserNotificationKind,
  ticketId: string | null,
  recipients: { id: string | null }[],
  text: { title: string; body: string },
  at: Date,
) {
  const ids = [...new Set(recipients.map((r) => r.id).filter((id): id is string => !!id))];
  if (!ids.length) return;
  await tx.userNotification.createMany({
    data: ids.map((userId) => ({
      userId,
      kind,
      ticketId,
      title: clip(text.title, MAX_TITLE, "…"),
      body: clip(text.body, MAX_BODY, "…"),
      createdAt: at,
    })),
  });
}

/** "Resolution due in 30 min" / "SLA breached: resolution", then "T-000123 · the subject". */
export function slaNotificationText(t: Pick<TicketForNotify, "number" | "subject">, n: SlaNotice): { title: string; body: string } {
  const label = CLOCK_LABEL[n.clock];
  const minutes = Math.max(0, Math.round((n.dueAt.getTime() - n.now.getTime()) / 60_000));
  const title = n.kind === "warning" ? `${label} due in ${minutes} min` : `SLA breached: ${label.toLowerCase()}`;
  return { title, body: `${t.number} · ${t.subject}` };
}
