import { db } from "@/lib/db/client";
import type { Actor } from "../actor";

/**
 * The orders a customer may reference when opening a ticket: their own, or their CRM
 * contact's. The same rule createTicket enforces, so the picker never offers a refused order.
 */
export async function listCustomerOrders(actor: Actor) {
  const prisma = await db();
  const orders = await prisma.order.findMany({
    where: { OR: [{ userId: actor.id }, { contact: { userId: actor.id } }] },
    select: { id: true, number: true, total: true, currency: true, status: true, createdAt: true },
    orderBy: { createdAt: "desc" },
    take: 50,
  });
  return orders.map((o) => ({ ...o, total: o.total?.toString() ?? null }));
}
