import type { TicketParties } from "@/lib/domain/tickets/list-ticket-parties";

/** Explicit output shape of one ticket's parties (snake_case, ISO dates). */
export function serializeTicketParties(ticketId: string, p: TicketParties) {
  return {
    ticket: ticketId,
    requester: p.requester ? { id: p.requester.id, name: p.requester.name, email: p.requester.email } : null,
    contact: p.contact
      ? { id: p.contact.id, name: p.contact.name, email: p.contact.email, company: p.contact.company }
      : null,
    order: p.order
      ? {
          id: p.order.id,
          number: p.order.number,
          total: p.order.total,
          currency: p.order.currency,
          status: p.order.status,
          created_at: p.order.createdAt.toISOString(),
        }
      : null,
  };
}
