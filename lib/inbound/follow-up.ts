import { AsyncLocalStorage } from "node:async_hooks";
import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/domain/actor";
import type { PreparedUpload } from "@/lib/domain/attachments/uploads";
import type { DomainEventSubscriber } from "@/lib/domain/events/domain-events";
import { recordEvent } from "@/lib/domain/events/record-event";
import { createTicket } from "@/lib/domain/tickets/create-ticket";

/*
 * A customer's reply to a ticket that was resolved or closed long ago is usually a new problem
 * in an old thread. With INBOUND_REOPEN_WITHIN_DAYS=N, such a reply (more than N days after the
 * ticket was resolved/closed) opens a new ticket that names the old one, instead of reopening
 * it. Both tickets get a timeline event pointing at the other, written in the transaction that
 * creates the new ticket. Later replies to the old thread go to its newest follow-up.
 */

const DAY_MS = 86_400_000;
const MAX_HOPS = 5;

export interface OldTicket { id: string; number: string; subject: string; status: string; doneAt: Date }

const ticketFields = { id: true, number: true, subject: true, status: true, resolvedAt: true, closedAt: true } as const;

/** When the ticket left the open states: closedAt for a closed ticket (else resolvedAt). */
function doneAt(t: { status: string; resolvedAt: Date | null; closedAt: Date | null }): Date | null {
  if (t.status === "closed") return t.closedAt ?? t.resolvedAt;
  if (t.status === "resolved") return t.resolvedAt;
  return null;
}

async function newestFollowUp(ticketId: string): Promise<string | null> {
  const prisma = await db();
  const e = await prisma.event.findFirst({
    where: { ticketId, type: "ticket_updated", data: { path: ["action"], equals: "followed_up_by" } },
    orderBy: { createdAt: "desc" },
    select: { data: true },
  });
  const id = (e?.data as { ticket?: unknown } | null)?.ticket;
  return typeof id === "string" ? id : null;
}

/**
 * Where a customer's reply to `ticketId` goes: `{ postTo }` (reopening it if needed, as
 * replies always have), or `{ followUpOf }` when a new ticket should be opened instead.
 */
export async function routeCustomerReply(
  ticketId: string,
  withinDays: number | null,
  now: Date,
): Promise<{ postTo: string } | { followUpOf: OldTicket }> {
  if (withinDays === null) return { postTo: ticketId };
  const prisma = await db();
  let id = ticketId;
  for (let hop = 0; ; hop++) {
    const t = await prisma.ticket.findUniqueOrThrow({ where: { id }, select: ticketFields });
    const done = doneAt(t);
    if (!done || now.getTime() - done.getTime() <= withinDays * DAY_MS) return { postTo: id };
    const next = hop < MAX_HOPS ? await newestFollowUp(id) : null;
    if (!next) return { followUpOf: { id: t.id, number: t.number, subject: t.subject, status: t.status, doneAt: done } };
    id = next;
  }
}

const current = new AsyncLocalStorage<{ old: OldTicket }>();

/** Opens the follow-up ticket as the customer, with the mail as its first message. */
export async function openFollowUp(actor: Actor, old: OldTicket, mail: { subject: string; body: string; uploads: PreparedUpload[] }) {
  const when = old.doneAt.toISOString().slice(0, 10);
  return current.run({ old }, () =>
    createTicket(actor, {
      subject: (mail.subject || old.subject || "(no subject)").slice(0, 200),
      description: `Follow-up to ${old.number} ("${old.subject}"), ${old.status} on ${when}.`,
      initialMessage: mail.body || undefined,
      uploads: mail.uploads,
      defaultChannel: "email",
    }),
  );
}

/** Links the follow-up and the old ticket both ways, inside the follow-up's creating transaction. */
export const followUpSubscriber: DomainEventSubscriber = async (tx, e) => {
  const ctx = current.getStore();
  if (!ctx || e.type !== "ticket.created") return;
  const created = await tx.ticket.findUniqueOrThrow({ where: { id: e.ticketId }, select: { number: true } });
  const base = { actorId: e.actor.id, type: "ticket_updated" as const, at: e.at };
  await recordEvent(tx, { ...base, ticketId: e.ticketId, data: { action: "follow_up_of", ticket: ctx.old.id, number: ctx.old.number } });
  await recordEvent(tx, { ...base, ticketId: ctx.old.id, data: { action: "followed_up_by", ticket: e.ticketId, number: created.number } });
};
