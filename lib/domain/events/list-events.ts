import type { Prisma } from "@/lib/db/generated/client";
import { db } from "@/lib/db/client";
import type { Actor } from "../actor";
import { assertReferencesExist } from "../filter-references";
import { paginate, type PageRequest, type SortKey } from "../keyset";
import { eventsVisibleTo } from "../scope";

export const eventSelect = {
  id: true,
  ticketId: true,
  actorId: true,
  type: true,
  isInternal: true,
  data: true,
  createdAt: true,
  seq: true,
  actor: { select: { name: true } },
} satisfies Prisma.EventSelect;
export type EventRow = Prisma.EventGetPayload<{ select: typeof eventSelect }>;

export const EVENT_KEYS: SortKey<EventRow>[] = [
  { field: "createdAt", dir: "desc", type: "date", get: (e) => e.createdAt },
  { field: "seq", dir: "desc", type: "number", get: (e) => Number(e.seq) },
];

/** The ticket timeline, newest first. Customers never see events about internal notes. */
export async function listEvents(actor: Actor, f: { ticketId?: string }, page: PageRequest<EventRow>) {
  const prisma = await db();
  await assertReferencesExist(prisma, [{ field: "ticketId", model: "ticket", id: f.ticketId }]);
  const and: Prisma.EventWhereInput[] = [eventsVisibleTo(actor)];
  if (f.ticketId) and.push({ ticketId: f.ticketId });
  return paginate(page, (args) =>
    prisma.event.findMany({
      where: { AND: [...and, args.where as Prisma.EventWhereInput] },
      orderBy: args.orderBy as Prisma.EventOrderByWithRelationInput[],
      take: args.take,
      select: eventSelect,
    }),
  );
}
