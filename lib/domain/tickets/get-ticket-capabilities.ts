import { db } from "@/lib/db/client";
import type { Actor } from "../actor";
import { NotFoundError } from "../errors";
import { ticketCapabilities } from "../policy";
import { ticketsVisibleTo } from "../scope";
import { ticketSubject, ticketSubjectSelect } from "./ticket-subject";

/** The capability flags of one ticket the actor may see (else 404), with the version they describe. */
export async function getTicketCapabilities(actor: Actor, id: string) {
  const prisma = await db();
  const t = await prisma.ticket.findFirst({
    where: { id, ...ticketsVisibleTo(actor) },
    select: { ...ticketSubjectSelect, version: true },
  });
  if (!t) throw new NotFoundError();
  return { ticket: t, capabilities: ticketCapabilities(actor, ticketSubject(t)) };
}
