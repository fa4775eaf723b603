import type { Prisma } from "@/lib/db/generated/client";
import type { Actor } from "./actor";
import { can } from "./policy";

/**
 * Row-level visibility as Prisma `where` clauses. Every read goes through these, so nothing
 * is fetched first and checked second.
 */
export function ticketsVisibleTo(actor: Actor): Prisma.TicketWhereInput {
  if (can(actor, "ticket:read-internal")) return {};
  return { OR: [{ userId: actor.id }, { contact: { userId: actor.id } }] };
}

export function messagesVisibleTo(actor: Actor): Prisma.MessageWhereInput {
  if (can(actor, "ticket:read-internal")) return {};
  return { isInternal: false, ticket: ticketsVisibleTo(actor) };
}

export function eventsVisibleTo(actor: Actor): Prisma.EventWhereInput {
  if (can(actor, "ticket:read-internal")) return {};
  return { isInternal: false, ticket: ticketsVisibleTo(actor) };
}

export function attachmentsVisibleTo(actor: Actor): Prisma.AttachmentWhereInput {
  if (can(actor, "ticket:read-internal")) return {};
  return {
    ticket: ticketsVisibleTo(actor),
    OR: [{ messageId: null }, { message: { isInternal: false } }],
  };
}
