import { Link, Text } from "@react-email/components";
import type { NotificationPayload } from "@/lib/notifications/payload";
import { BRAND, footerText } from "./email-layout";

/** Shared words of the SLA warning and breach emails (to agents and admins only). */

export const CLOCK_LABEL: Record<NonNullable<NotificationPayload["sla"]>["clock"], string> = {
  first_response: "First response",
  next_response: "Next response",
  resolution: "Resolution",
};

/** "2025-02-01 13:00 UTC": the same bytes on every render, whatever the server's zone. */
export function utc(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

const WHY: Record<NotificationPayload["reason"], string> = {
  assignee: "you are assigned to this ticket",
  team: "you are on the team for this ticket and it has no assignee",
  admin: "you are an administrator",
  watcher: "you are watching this ticket",
  customer: "you are on this ticket",
};

export function SlaFooter({ p }: { p: NotificationPayload }) {
  return (
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
  );
}
