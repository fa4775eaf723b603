import type { Prisma } from "@/lib/db/generated/client";
import { db } from "@/lib/db/client";
import type { Actor } from "../actor";
import { paginate, type Position, type SortKey } from "../keyset";
import { messagesVisibleTo } from "../scope";
import type { MessageListQuery } from "@/lib/schemas/support";
import { messageSelect, type MessageRow } from "./message-select";

export const MESSAGE_KEYS: SortKey<MessageRow>[] = [
  { field: "createdAt", dir: "asc", type: "date", get: (m) => m.createdAt },
  { field: "id", dir: "asc", type: "string", get: (m) => m.id },
];

/** Messages in ascending time order, limited to what the actor may see (no internal notes for customers). */
export async function listMessages(actor: Actor, q: MessageListQuery, pos: Position | null, size: number) {
  const prisma = await db();
  const and: Prisma.MessageWhereInput[] = [messagesVisibleTo(actor)];
  if (q.ticket) and.push({ ticketId: q.ticket });
  if (q.direction) and.push({ direction: q.direction });
  if (q.is_internal !== undefined) and.push({ isInternal: q.is_internal });
  if (q.created_at_after || q.created_at_before) {
    and.push({ createdAt: { ...(q.created_at_after && { gte: q.created_at_after }), ...(q.created_at_before && { lte: q.created_at_before }) } });
  }
  return paginate(MESSAGE_KEYS, pos, size, (args) =>
    prisma.message.findMany({
      where: { AND: [...and, args.where as Prisma.MessageWhereInput] },
      orderBy: args.orderBy as Prisma.MessageOrderByWithRelationInput[],
      take: args.take,
      select: messageSelect,
    }),
  );
}
