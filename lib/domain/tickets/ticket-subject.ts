import type { Prisma } from "@/lib/db/generated/client";
import type { TicketSubject } from "../policy";

/** What the policy needs to know about a ticket: its assignee and who it is for. */
export const ticketSubjectSelect = {
  id: true,
  assignedToId: true,
  userId: true,
  contact: { select: { userId: true } },
} satisfies Prisma.TicketSelect;

type Row = Prisma.TicketGetPayload<{ select: typeof ticketSubjectSelect }>;

export function ticketSubject(t: Row): TicketSubject {
  return { assignedToId: t.assignedToId, userId: t.userId, contactUserId: t.contact?.userId ?? null };
}
