import type { Prisma } from "@/lib/db/generated/client";

interface MessageRef {
  id: string;
  ticketId: string;
  direction: "inbound" | "outbound";
  createdAt: Date;
}

/**
 * Takes a public message out of the ticket's counters (it is deleted or turned into an
 * internal note). Unread counters count the newest public messages from the other side since
 * that side last read the ticket, so the message was unread exactly when at most `unread`
 * messages of its direction are as new as it is; only then is the unread counter lowered.
 * Must run before the message itself is deleted, inside the caller's transaction.
 */
export async function removePublicMessageFromCounters(tx: Prisma.TransactionClient, m: MessageRef) {
  const newer = tx.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM messages
    WHERE ticket_id = ${m.ticketId}::uuid AND direction = ${m.direction}::"MessageDirection"
      AND NOT is_internal AND (created_at, id) >= (${m.createdAt}, ${m.id}::uuid)`;
  const rank = (await newer)[0]?.n ?? 0;
  if (m.direction === "inbound") {
    await tx.$executeRaw`
      UPDATE tickets SET public_message_count = GREATEST(public_message_count - 1, 0),
        unread_by_agent = CASE WHEN unread_by_agent >= ${rank} THEN GREATEST(unread_by_agent - 1, 0) ELSE unread_by_agent END
      WHERE id = ${m.ticketId}::uuid`;
  } else {
    await tx.$executeRaw`
      UPDATE tickets SET public_message_count = GREATEST(public_message_count - 1, 0),
        unread_by_customer = CASE WHEN unread_by_customer >= ${rank} THEN GREATEST(unread_by_customer - 1, 0) ELSE unread_by_customer END
      WHERE id = ${m.ticketId}::uuid`;
  }
}
