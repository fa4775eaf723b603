import { db } from "@/lib/db/client";
import type { MailTransport, OutgoingMail } from "@/lib/notifications/transports";
import { TransportError } from "@/lib/notifications/transports";
import { call, type TestUser } from "./helpers";
import * as tickets from "@/app/api/v1/support/tickets/route";
import * as ticket from "@/app/api/v1/support/tickets/[id]/route";
import * as messages from "@/app/api/v1/support/messages/route";

/** Shared pieces of the notification tests (not a test file itself). */

export interface Sent {
  key: string;
  mail: OutgoingMail;
}

/**
 * A transport that records every accepted send and can fail the first calls. Like a real
 * provider it treats a repeated idempotency key as a replay, but it also counts raw calls so a
 * test can tell "sent once" from "called twice and deduplicated".
 */
export function captureTransport(opts: { failFirst?: number; failWith?: (n: number) => Error; delayMs?: number } = {}) {
  const sent: Sent[] = [];
  const keysSeen = new Map<string, number>();
  let calls = 0;
  const transport: MailTransport & { sent: Sent[]; calls: () => number; keysSeen: Map<string, number> } = {
    name: "capture",
    sent,
    keysSeen,
    calls: () => calls,
    async send(mail, { idempotencyKey }) {
      const n = ++calls;
      if (opts.delayMs) await new Promise((r) => setTimeout(r, opts.delayMs));
      if (opts.failFirst && n <= opts.failFirst) {
        throw opts.failWith?.(n) ?? new TransportError("Resend 500 internal_server_error: boom", { status: 500 });
      }
      keysSeen.set(idempotencyKey, (keysSeen.get(idempotencyKey) ?? 0) + 1);
      sent.push({ key: idempotencyKey, mail });
      return { providerId: `cap-${n}` };
    },
  };
  return transport;
}

export async function openTicket(customer: TestUser, subject = "Refund for order #10482", body = "Where is my refund?") {
  const r = await call(tickets.POST as any, "POST", "/api/v1/support/tickets/", {
    user: customer,
    body: { subject, initial_message: body },
  });
  if (r.status !== 201) throw new Error(`create ticket: ${r.status} ${r.text}`);
  return { id: r.json.id as string, number: r.json.ticket_number as string, subject: r.json.subject as string };
}

export async function post(user: TestUser, ticketId: string, body: string, isInternal = false) {
  return call(messages.POST as any, "POST", "/api/v1/support/messages/", {
    user,
    body: { ticket: ticketId, body, ...(isInternal ? { is_internal: true } : {}) },
  });
}

export async function patchTicket(user: TestUser, id: string, body: Record<string, unknown>) {
  return call(ticket.PATCH as any, "PATCH", `/api/v1/support/tickets/${id}/`, { user, body, params: { id } });
}

export async function outbox(where: Record<string, unknown> = {}) {
  const prisma = await db();
  return prisma.notification.findMany({ where, orderBy: { createdAt: "asc" } });
}

/** Clears the outbox between cases so counts are about one action. */
export async function clearOutbox() {
  const prisma = await db();
  await prisma.notification.deleteMany({});
  await prisma.localMail.deleteMany({});
}
