import type { Prisma } from "@/lib/db/generated/client";

/**
 * Allocates the next human ticket number, T-YYYYMMDD-NNNN, for the given UTC day. The counter
 * row is bumped with one atomic upsert, so concurrent creations (in any number of app
 * instances) never get the same number; a rolled-back transaction gives its number back.
 */
export async function allocateTicketNumber(tx: Prisma.TransactionClient, now: Date): Promise<string> {
  const day = now.toISOString().slice(0, 10).replace(/-/g, "");
  const rows = await tx.$queryRaw<{ last: number }[]>`
    INSERT INTO ticket_number_counters (day, last) VALUES (${day}, 1)
    ON CONFLICT (day) DO UPDATE SET last = ticket_number_counters.last + 1
    RETURNING last`;
  return `T-${day}-${String(rows[0].last).padStart(4, "0")}`;
}
