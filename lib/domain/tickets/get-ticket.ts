import { db } from "@/lib/db/client";
import type { Actor } from "../actor";
import { NotFoundError } from "../errors";
import { ticketsVisibleTo } from "../scope";
import { ticketSelect } from "./ticket-select";

/** A ticket the actor may see; anything outside their scope is indistinguishable from absent. */
export async function getTicket(actor: Actor, id: string) {
  const prisma = await db();
  const t = await prisma.ticket.findFirst({ where: { id, ...ticketsVisibleTo(actor) }, select: ticketSelect });
  if (!t) throw new NotFoundError();
  return t;
}
