import { randomUUID } from "node:crypto";
import { db } from "@/lib/db/client";
import { inboundConfig } from "./config";
import { storeInbound } from "./receive-mail";
import { notificationMessageId, replyAddress, ticketThreadId } from "./thread-headers";
import { drainInbox } from "./worker";

/**
 * The dev mailbox's "Reply as the customer": builds the reply a mail client would send to a
 * mail the local transport delivered (Reply-To token, In-Reply-To, the old mail quoted below)
 * and runs it through the inbound pipeline at once. Development only: the caller checks that.
 */
export async function replyToLocalMail(localMailId: string, text: string): Promise<{ status: string; outcome: string | null }> {
  const prisma = await db();
  const mail = await prisma.localMail.findUnique({ where: { id: localMailId } });
  const n = mail?.idempotencyKey ? await prisma.notification.findUnique({ where: { id: mail.idempotencyKey } }) : null;
  if (!mail || !n?.ticketId) return { status: "dead", outcome: "this mail belongs to no ticket" };
  const cfg = inboundConfig();
  const to = replyAddress(n.ticketId, n.toEmail) ?? cfg.supportAddress ?? "support@localhost";
  const messageId = `${randomUUID()}@dev-mailbox.localhost`;
  const quoted = mail.text.split("\n").map((l) => `> ${l}`).join("\r\n");
  const raw = [
    `From: ${n.toEmail}`,
    `To: ${to}`,
    `Subject: Re: ${mail.subject}`,
    `Date: ${new Date().toUTCString()}`,
    `Message-ID: <${messageId}>`,
    `In-Reply-To: ${notificationMessageId(n.id)}`,
    `References: ${ticketThreadId(n.ticketId)} ${notificationMessageId(n.id)}`,
    "MIME-Version: 1.0",
    "Content-Type: text/plain; charset=utf-8",
    "",
    text.replace(/\r?\n/g, "\r\n"),
    "",
    `On ${mail.createdAt.toUTCString()}, ${mail.from} wrote:`,
    quoted,
    "",
  ].join("\r\n");
  await storeInbound({ source: "dev", raw: new TextEncoder().encode(raw) });
  await drainInbox();
  const row = await prisma.inboundEmail.findUnique({ where: { messageId }, select: { status: true, outcome: true, lastError: true } });
  return { status: row?.status ?? "pending", outcome: row?.outcome ?? row?.lastError ?? null };
}
