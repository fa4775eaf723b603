import type { EventType, Prisma } from "@/lib/db/generated/client";

/** Writes a timeline event; always called inside the transaction of the change it records. */
export async function recordEvent(
  tx: Prisma.TransactionClient,
  e: {
    ticketId: string;
    actorId: string | null;
    type: EventType;
    data?: Prisma.InputJsonObject;
    isInternal?: boolean;
    at: Date;
  },
): Promise<void> {
  await tx.event.create({
    data: {
      ticketId: e.ticketId,
      actorId: e.actorId,
      type: e.type,
      data: e.data ?? {},
      isInternal: e.isInternal ?? false,
      createdAt: e.at,
    },
  });
}
