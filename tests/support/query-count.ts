import { afterAll, beforeAll } from "vitest";
import { dbHandle } from "@/lib/db/client";
import { PrismaClient } from "@/lib/db/generated/client";

/**
 * Counts the SQL statements the app sends: for the file's tests, the process-wide client is
 * swapped for one on the same driver adapter with Prisma's query log (which works with driver
 * adapters), so every statement of a request, auth included, is seen.
 */
export function useQueryCounter() {
  const g = globalThis as unknown as { __caseflowDb?: Promise<Awaited<ReturnType<typeof dbHandle>>> };
  let original: typeof g.__caseflowDb;
  let counting: PrismaClient<"query"> | undefined;
  let statements: string[] = [];
  beforeAll(async () => {
    const h = await dbHandle();
    counting = new PrismaClient({ adapter: h.adapter, log: [{ emit: "event", level: "query" }] });
    counting.$on("query", (e) => void statements.push(e.query));
    original = g.__caseflowDb;
    // Hot reads skip Prisma (dbHandle().rows): count those statements too.
    const rows: typeof h.rows = (text, values) => {
      statements.push(text);
      return h.rows(text, values);
    };
    g.__caseflowDb = Promise.resolve({ ...h, prisma: counting as unknown as PrismaClient, rows });
  });
  afterAll(async () => {
    g.__caseflowDb = original;
    await counting?.$disconnect();
  });
  /** Runs fn and returns the statements it sent, with its result. */
  return async function measure<T>(fn: () => Promise<T>): Promise<{ count: number; statements: string[]; result: T }> {
    statements = [];
    const result = await fn();
    const sent = statements;
    statements = [];
    return { count: sent.length, statements: sent, result };
  };
}
