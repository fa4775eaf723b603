import type { MailTransport, OutgoingMail } from "@/lib/notifications/transports";
import { TransportError } from "@/lib/notifications/transports";

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
