import type { Prisma } from "@/lib/db/generated/client";
import { db } from "@/lib/db/client";
import type { Actor } from "../actor";
import { assertReferencesExist } from "../filter-references";
import { paginate, type PageRequest, type SortKey } from "../keyset";
import { messagesVisibleTo } from "../scope";
import type { DateRange } from "../tickets/types";
import { messageSelect, type MessageRow } from "./message-select";

export const MESSAGE_KEYS: SortKey<MessageRow>[] = [
  { field: "createdAt", dir: "asc", type: "date", get: (m) => m.createdAt },
  { field: "id", dir: "asc", type: "string", get: (m) => m.id },
];

export interface MessageFilter {
  ticketId?: string;
  direction?: "inbound" | "outbound";
  isInternal?: boolean;
  createdAt?: DateRange;
}

/** Messages in ascending time order, limited to what the actor may see (no internal notes for customers). */
export async function listMessages(actor: Actor, f: MessageFilter, page: PageRequest<MessageRow>) {
  const prisma = await db();
  await assertReferencesExist(prisma, [{ field: "ticketId", model: "ticket", id: f.ticketId }]);
  const and: Prisma.MessageWhereInput[] = [messagesVisibleTo(actor)];
  if (f.ticketId) and.push({ ticketId: f.ticketId });
  if (f.direction) and.push({ direction: f.direction });
  if (f.isInternal !== undefined) and.push({ isInternal: f.isInternal });
  if (f.createdAt?.from || f.createdAt?.to) {
    and.push({ createdAt: { ...(f.createdAt.from && { gte: f.createdAt.from }), ...(f.createdAt.to && { lte: f.createdAt.to }) } });
  }
  return paginate(page, (args) =>
    prisma.message.findMany({
      where: { AND: [...and, args.where as Prisma.MessageWhereInput] },
      orderBy: args.orderBy as Prisma.MessageOrderByWithRelationInput[],
      take: args.take,
      select: messageSelect,
    }),
  );
}
