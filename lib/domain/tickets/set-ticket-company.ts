import type { Prisma } from "@/lib/db/generated/client";
import { db } from "@/lib/db/client";
import type { Actor } from "../actor";
import { recordEvent } from "../events/record-event";
import { NotFoundError, PermissionDeniedError, ValidationError } from "../errors";
import { isAgent } from "../policy";
import { ticketsVisibleTo } from "../scope";

/** Validates a company reference (400 naming the field, as DRF does for a bad pk). */
export async function assertCompanyExists(client: Prisma.TransactionClient, id: string) {
  const c = await client.company.findUnique({ where: { id }, select: { id: true } });
  if (!c) throw ValidationError.field("company", `Invalid pk "${id}" - object does not exist.`);
}

/**
 * Sets the ticket's company explicitly (the CRM lets agents set it; the support API derives it
 * from the contact). Agents only; bumps the version and records a ticket_updated event.
 */
export async function setTicketCompany(actor: Actor, id: string, companyId: string | null) {
  const prisma = await db();
  await prisma.$transaction(async (tx) => {
    const cur = await tx.ticket.findFirst({ where: { id, ...ticketsVisibleTo(actor) }, select: { companyId: true } });
    if (!cur) throw new NotFoundError();
    if (!isAgent(actor)) throw new PermissionDeniedError("Customers cannot edit tickets.");
    if (cur.companyId === companyId) return;
    if (companyId) await assertCompanyExists(tx, companyId);
    const now = new Date();
    await tx.ticket.update({
      where: { id },
      data: { companyId, updatedAt: now, version: { increment: 1 } },
      select: { id: true },
    });
    await recordEvent(tx, { ticketId: id, actorId: actor.id, type: "ticket_updated", data: { fields: ["company"] }, at: now });
  });
}
