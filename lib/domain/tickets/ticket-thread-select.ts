import type { Prisma } from "@/lib/db/generated/client";
import type { Actor } from "../actor";
import { can } from "../policy";
import { ticketSelect } from "./ticket-select";

/**
 * A ticket with its thread: the names of its relations and its messages and attachments
 * nested (what the CRM contract returns for every ticket). Prisma joins each relation into the page's own statement (relationJoins), so a page
 * of N tickets costs the same number of queries for any N. The nested lists are limited to
 * what the actor may see: customers get neither internal notes nor files attached to them.
 */
const person = { select: { name: true, email: true } } as const;

export const threadMessageSelect = {
  id: true,
  ticketId: true,
  authorId: true,
  body: true,
  isInternal: true,
  createdAt: true,
  updatedAt: true,
  author: { select: { name: true, email: true, role: true } },
} satisfies Prisma.MessageSelect;
export type ThreadMessageRow = Prisma.MessageGetPayload<{ select: typeof threadMessageSelect }>;

export const attachmentSelect = {
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
export type AttachmentRow = Prisma.AttachmentGetPayload<{ select: typeof attachmentSelect }>;

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
      select: threadMessageSelect,
    },
    attachments: {
      where: agent ? {} : { OR: [{ messageId: null }, { message: { isInternal: false } }] },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: attachmentSelect,
    },
  } satisfies Prisma.TicketSelect;
}

const AGENT_SELECT = build(true);
const CUSTOMER_SELECT = build(false);

export type TicketWithThread = Prisma.TicketGetPayload<{ select: typeof AGENT_SELECT }>;

export function ticketThreadSelect(actor: Actor): typeof AGENT_SELECT {
  return (can(actor, "ticket:read-internal") ? AGENT_SELECT : CUSTOMER_SELECT) as typeof AGENT_SELECT;
}
