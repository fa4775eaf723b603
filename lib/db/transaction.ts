import type { Prisma, PrismaClient } from "./generated/client";

/** PostgreSQL aborts one side of a deadlock or serialization conflict; that side may simply retry. */
function retryable(e: unknown): boolean {
  const err = e as { code?: string; message?: string; meta?: { code?: string } };
  const text = `${err?.message ?? ""} ${err?.meta?.code ?? ""}`;
  return err?.code === "P2034" || /40P01|40001|deadlock detected|TransactionWriteConflict|could not serialize/.test(text);
}

/**
 * An interactive transaction that is retried (a few times, with jitter) when the database
 * aborted it because of a deadlock or a serialization conflict with a concurrent writer.
 */
export async function withTransaction<T>(
  prisma: PrismaClient,
  fn: (tx: Prisma.TransactionClient) => Promise<T>,
  opts: { attempts?: number; timeout?: number } = {},
): Promise<T> {
  const attempts = opts.attempts ?? 4;
  for (let i = 1; ; i++) {
    try {
      return await prisma.$transaction(fn, opts.timeout ? { timeout: opts.timeout } : undefined);
    } catch (e) {
      if (i >= attempts || !retryable(e)) throw e;
      await new Promise((r) => setTimeout(r, 10 * 2 ** i + Math.random() * 20));
    }
  }
}
