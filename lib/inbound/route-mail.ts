import { db } from "@/lib/db/client";
import { actorSelect, type Actor } from "@/lib/domain/actor";
import { ensureCustomerUser } from "@/lib/domain/users/ensure-customer";
import { isAgent } from "@/lib/domain/policy";
import type { InboundConfig } from "./config";
import type { ParsedMail } from "./parse-mail";
import { parseOurMessageId } from "./thread-headers";
import { verifyReplyToken } from "./token";

/*
 * Which ticket a mail belongs to. In order of trust: a signed reply+<token> address (the
 * sender must be the recipient the token was issued to), then our Message-IDs in In-Reply-To /
 * References, then a [T-YYYYMMDD-NNNN] number in the subject. The last two are plain text
 * anyone can copy, so they only count when the sender is the ticket's own customer. Anything
 * else (a stranger holding someone's token included) is not a reply at all.
 */

export interface Target {
  ticketId: string;
  /** Matched through note+<token>@ by an agent: an internal note. */
  note: boolean;
  via: "token" | "thread" | "subject";
}

const TICKET_NUMBER = /\[(T-\d{8}-\d{4,})\]/i;

async function customerEmails(ticketId: string): Promise<string[] | null> {
  const prisma = await db();
  const t = await prisma.ticket.findUnique({
    where: { id: ticketId },
    select: { user: { select: { email: true } }, contact: { select: { email: true } } },
  });
  if (!t) return null;
  return [t.user?.email, t.contact?.email].filter((e): e is string => !!e).map((e) => e.toLowerCase());
}

async function isCustomerOf(ticketId: string, email: string): Promise<boolean> {
  return (await customerEmails(ticketId))?.includes(email) ?? false;
}

export async function findTarget(m: ParsedMail, sender: Actor | null, cfg: InboundConfig): Promise<Target | null> {
  if (cfg.domain) {
    for (const rcpt of m.recipients) {
      const match = /^(reply|note)\+([a-z2-7]+)@(.+)$/i.exec(rcpt);
      if (!match || match[3].toLowerCase() !== cfg.domain) continue;
      const token = verifyReplyToken(match[2]);
      if (!token || !token.isFor(m.from)) continue;
      const agent = !!sender && isAgent(sender);
      if (agent || (await isCustomerOf(token.ticketId, m.from))) {
        return { ticketId: token.ticketId, note: agent && match[1].toLowerCase() === "note", via: "token" };
      }
    }
  }
  const prisma = await db();
  for (const id of m.threadIds) {
    const ours = parseOurMessageId(id);
    if (!ours) continue;
    let ticketId: string | null = ours.kind === "ticket" ? ours.id : null;
    if (ours.kind === "notification") {
      const n = await prisma.notification.findUnique({ where: { id: ours.id }, select: { ticketId: true } });
      ticketId = n?.ticketId ?? null;
    }
    if (ticketId && (await isCustomerOf(ticketId, m.from))) return { ticketId, note: false, via: "thread" };
  }
  const number = TICKET_NUMBER.exec(m.subject)?.[1]?.toUpperCase();
  if (number) {
    const t = await prisma.ticket.findUnique({ where: { number }, select: { id: true } });
    if (t && (await isCustomerOf(t.id, m.from))) return { ticketId: t.id, note: false, via: "subject" };
  }
  return null;
}

/** Whether a mail with no ticket of its own was sent to an address that opens tickets. */
export function addressedToSupport(m: ParsedMail, cfg: InboundConfig): boolean {
  if (!cfg.supportAddress && !cfg.domain) return true;
  return m.recipients.some((r) => r === cfg.supportAddress || (!!cfg.domain && r.endsWith(`@${cfg.domain}`)));
}

export async function findSender(email: string) {
  const prisma = await db();
  return prisma.user.findFirst({ where: { email: { equals: email, mode: "insensitive" } }, select: actorSelect });
}

/** The user a mail is posted as: see ensureCustomerUser (a customer account without a password). */
export const ensureSenderUser = ensureCustomerUser;
