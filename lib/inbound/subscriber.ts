import { AsyncLocalStorage } from "node:async_hooks";
import type { DomainEventSubscriber } from "@/lib/domain/events/domain-events";

/*
 * Links an inbox row to the message its mail became, inside the transaction that posts the
 * message. If the worker dies after that commit but before it marks the row processed, the
 * retry sees the link and does not post the mail a second time.
 */

const current = new AsyncLocalStorage<{ rowId: string }>();

/** Runs `fn` (which posts through the domain) on behalf of one inbox row. */
export function onBehalfOfInboxRow<T>(rowId: string, fn: () => Promise<T>): Promise<T> {
  return current.run({ rowId }, fn);
}

export const inboundSubscriber: DomainEventSubscriber = async (tx, e) => {
  const ctx = current.getStore();
  if (!ctx || e.type !== "message.created") return;
  await tx.$executeRaw`
    UPDATE inbound_emails SET ticket_id = ${e.ticketId}::uuid, posted_message_id = COALESCE(posted_message_id, ${e.messageId}::uuid)
    WHERE id = ${ctx.rowId}::uuid`;
};
