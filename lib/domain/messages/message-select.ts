import type { Prisma } from "@/lib/db/generated/client";

export const messageSelect = {
  id: true,
  ticketId: true,
  authorId: true,
  body: true,
  direction: true,
  isInternal: true,
  createdAt: true,
  updatedAt: true,
  author: { select: { name: true, email: true, role: true } },
  attachments: {
    select: { id: true, name: true, size: true, contentType: true, createdAt: true },
    orderBy: { createdAt: "asc" },
  },
} satisfies Prisma.MessageSelect;

export type MessageRow = Prisma.MessageGetPayload<{ select: typeof messageSelect }>;
