import { z } from "zod";
import { inboundConfig } from "./config";
import { signReplyToken } from "./token";

/*
 * Headers that thread Caseflow's notifications in mail clients and route replies back.
 * Message-IDs are derived from ids we already store (the notification row, the ticket), so an
 * In-Reply-To or References naming one of them leads back to its ticket without another table.
 */

const ID_RE = /^<?cf-(n|t)-([0-9a-f-]{36})@[^>]+>?$/i;

function idDomain(): string {
  const c = inboundConfig();
  return c.domain ?? c.appHost;
}

export const notificationMessageId = (notificationId: string) => `<cf-n-${notificationId}@${idDomain()}>`;
export const ticketThreadId = (ticketId: string) => `<cf-t-${ticketId}@${idDomain()}>`;

/** Which of our ids a Message-ID is: a notification's or a ticket thread's root. */
export function parseOurMessageId(id: string): { kind: "notification" | "ticket"; id: string } | null {
  const m = ID_RE.exec(id.trim());
  if (!m) return null;
  return { kind: m[1].toLowerCase() === "n" ? "notification" : "ticket", id: m[2].toLowerCase() };
}

export function replyAddress(ticketId: string, recipientEmail: string, kind: "reply" | "note" = "reply"): string | null {
  const domain = inboundConfig().domain;
  return domain ? `${kind}+${signReplyToken(ticketId, recipientEmail)}@${domain}` : null;
}

const payloadTicket = z.object({ ticket: z.object({ id: z.uuid() }) });

/**
 * The headers of one outbound notification. Every notification is machine-sent, so it says so
 * (Auto-Submitted, and Exchange's X-Auto-Response-Suppress): well-behaved out-of-office
 * responders then stay quiet, which is the first defence against mail loops.
 */
export function outboundHeaders(row: { id: string; to_email: string; payload: unknown }): Record<string, string> {
  const headers: Record<string, string> = {
    "Message-ID": notificationMessageId(row.id),
    "Auto-Submitted": "auto-generated",
    "X-Auto-Response-Suppress": "All",
  };
  const p = payloadTicket.safeParse(row.payload);
  if (!p.success) return headers;
  const root = ticketThreadId(p.data.ticket.id);
  headers["In-Reply-To"] = root;
  headers["References"] = root;
  const replyTo = replyAddress(p.data.ticket.id, row.to_email);
  if (replyTo) headers["Reply-To"] = replyTo;
  return headers;
}
