import type { Prisma } from "@/lib/db/generated/client";
import type { Actor } from "../actor";
import { isAgent } from "../policy";
import { ticketSelect } from "./ticket-select";

/**
 * What the CRM ticket API reads: the ticket, the names of its relations and its comments and
 * attachments nested. Prisma loads each relation with one batched `IN (...)` query, so a page
 * of N tickets costs the same number of queries for any N. The nested lists are limited to
 * what the actor may see: customers get neither internal notes nor files attached to them.
 */
const person = { select: { name: true, email: true } } as const;

export const crmCommentSelect = {
  id: true,
  ticketId: true,
  authorId: true,
  body: true,
  isInternal: true,
  createdAt: true,
  updatedAt: true,
  author: { select: { name: true, email: true, role: true } },
} satisfies Prisma.MessageSelect;
export type CrmCommentRow = Prisma.MessageGetPayload<{ select: typeof crmCommentSelect }>;

export const crmAttachmentSelect = {
  id: true,
  ticketId: true,
  messageId: true,
  uploadedById: true,
  name: true,
  contentType: true,
  size: true,
  createdAt: true,
  uploadedBy: person,
} satisfies Prisma.AttachmentSelect;
export type CrmAttachmentRow = Prisma.AttachmentGetPayload<{ select: typeof crmAttachmentSelect }>;

function build(agent: boolean) {
  return {
    ...ticketSelect,
    company: { select: { name: true } },
    contact: person,
    assignedTo: person,
    assignedTeam: { select: { name: true } },
    createdBy: person,
    messages: {
      where: agent ? {} : { isInternal: false },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: crmCommentSelect,
    },
    attachments: {
      where: agent ? {} : { OR: [{ messageId: null }, { message: { isInternal: false } }] },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: crmAttachmentSelect,
    },
  } satisfies Prisma.TicketSelect;
}

const AGENT_SELECT = build(true);
const CUSTOMER_SELECT = build(false);

export type CrmTicketRow = Prisma.TicketGetPayload<{ select: typeof AGENT_SELECT }>;

export function crmTicketSelect(actor: Actor): typeof AGENT_SELECT {
  return (isAgent(actor) ? AGENT_SELECT : CUSTOMER_SELECT) as typeof AGENT_SELECT;
}
