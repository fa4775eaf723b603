import type { Prisma } from "@/lib/db/generated/client";
import { db } from "@/lib/db/client";
import type { Actor } from "../actor";
import { NotFoundError } from "../errors";
import { ticketsVisibleTo } from "../scope";
import { crmTicketSelect, type CrmTicketRow } from "./crm-ticket-select";

/** A ticket with its nested comments and attachments, as the actor may see it (else 404). */
export async function getCrmTicket(actor: Actor, id: string, client?: Prisma.TransactionClient): Promise<CrmTicketRow> {
  const prisma = client ?? (await db());
  const t = await prisma.ticket.findFirst({ where: { id, ...ticketsVisibleTo(actor) }, select: crmTicketSelect(actor) });
  if (!t) throw new NotFoundError();
  return t;
}
