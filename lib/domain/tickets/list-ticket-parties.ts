import { db } from "@/lib/db/client";
import type { Actor } from "../actor";
import { can } from "../policy";
import { ticketsVisibleTo } from "../scope";

export interface TicketParties {
  requester: { id: string; name: string; email: string } | null;
  contact: { id: string; name: string; email: string; company: string | null } | null;
  order: { id: string; number: string; total: string | null; currency: string; status: string; createdAt: Date } | null;
}

/**
 * Who a ticket is about (requester, CRM contact and company, order), for the agent queue and
 * ticket view. Agents only: customers already know who they are, and the rows must not leak
 * other customers' details. Tickets outside the actor's scope are simply absent from the map.
 */
export async function listTicketParties(actor: Actor, ticketIds: string[]): Promise<Map<string, TicketParties>> {
  const out = new Map<string, TicketParties>();
  if (!can(actor, "ticket:read-internal") || ticketIds.length === 0) return out;
  const prisma = await db();
  const rows = await prisma.ticket.findMany({
    where: { id: { in: [...new Set(ticketIds)] }, ...ticketsVisibleTo(actor) },
    select: {
      id: true,
      user: { select: { id: true, name: true, email: true } },
      contact: { select: { id: true, name: true, email: true, company: { select: { name: true } } } },
      order: { select: { id: true, number: true, total: true, currency: true, status: true, createdAt: true } },
    },
  });
  for (const r of rows) {
    out.set(r.id, {
      requester: r.user,
      contact: r.contact
        ? { id: r.contact.id, name: r.contact.name, email: r.contact.email, company: r.contact.company?.name ?? null }
        : null,
      order: r.order ? { ...r.order, total: r.order.total?.toString() ?? null } : null,
    });
  }
  return out;
}
