import type { Prisma } from "@/lib/db/generated/client";
import { db } from "@/lib/db/client";
import type { Actor } from "../actor";
import { NotFoundError } from "../errors";
import { ticketsVisibleTo } from "../scope";
import { ticketSelect, type TicketRow } from "./ticket-select";
import { ticketThreadSelect, type TicketWithThread } from "./ticket-thread-select";

/**
 * A ticket the actor may see; anything outside their scope is indistinguishable from absent.
 * The "thread" view nests its messages and attachments as the actor may see them.
 */
export async function getTicket(actor: Actor, id: string): Promise<TicketRow>;
export async function getTicket(actor: Actor, id: string, view: "thread", client?: Prisma.TransactionClient): Promise<TicketWithThread>;
export async function getTicket(actor: Actor, id: string, view: "summary" | "thread" = "summary", client?: Prisma.TransactionClient) {
  const prisma = client ?? (await db());
  const select = view === "thread" ? ticketThreadSelect(actor) : ticketSelect;
  const t = await prisma.ticket.findFirst({ where: { id, ...ticketsVisibleTo(actor) }, select });
  if (!t) throw new NotFoundError();
  return t;
}
