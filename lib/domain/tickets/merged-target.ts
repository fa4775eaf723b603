import { db } from "@/lib/db/client";
import type { Actor } from "../actor";
import { ticketsVisibleTo } from "../scope";

/**
 * Where a merged ticket's page sends the actor: the ticket it was merged into, when it is still
 * closed as the merge left it (a reopened duplicate is shown as itself) and the actor may see
 * the target. null: show the ticket itself (a customer of the duplicate alone gets it read-only).
 */
export async function mergedTargetFor(actor: Actor, id: string): Promise<string | null> {
  const prisma = await db();
  const t = await prisma.ticket.findFirst({
    where: { id, status: "closed", mergedIntoId: { not: null }, ...ticketsVisibleTo(actor) },
    select: { mergedIntoId: true },
  });
  if (!t?.mergedIntoId) return null;
  const target = await prisma.ticket.findFirst({ where: { id: t.mergedIntoId, ...ticketsVisibleTo(actor) }, select: { id: true } });
  return target?.id ?? null;
}
