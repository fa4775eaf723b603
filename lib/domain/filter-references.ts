import type { PrismaClient } from "@/lib/db/generated/client";
import { ValidationError } from "./errors";

export type ReferenceModel = "user" | "contact" | "order" | "company" | "ticket";

/** Django's ModelChoiceField wording for a well-formed id that names no row. */
export const INVALID_CHOICE = "Select a valid choice. That choice is not one of the available choices.";

/**
 * A list filter naming a related row must name one that exists (anywhere, not only within
 * the actor's scope, so the answer reveals nothing): otherwise it is a 400 on that field,
 * as a DRF backend answers, rather than an empty list that looks like "no matches".
 */
export async function assertReferencesExist(
  prisma: PrismaClient,
  refs: { field: string; model: ReferenceModel; id: string | undefined }[],
): Promise<void> {
  const wanted = refs.filter((r): r is { field: string; model: ReferenceModel; id: string } => !!r.id);
  if (wanted.length === 0) return;
  const found = await Promise.all(
    wanted.map((r) => {
      const args = { where: { id: r.id }, select: { id: true } };
      switch (r.model) {
        case "user": return prisma.user.findUnique(args);
        case "contact": return prisma.contact.findUnique(args);
        case "order": return prisma.order.findUnique(args);
        case "company": return prisma.company.findUnique(args);
        case "ticket": return prisma.ticket.findUnique(args);
      }
    }),
  );
  const missing = wanted.filter((_, i) => !found[i]);
  if (missing.length) throw new ValidationError(Object.fromEntries(missing.map((r) => [r.field, [INVALID_CHOICE]])));
}
