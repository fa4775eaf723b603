import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dbHandle } from "@/lib/db/client";
import { PrismaClient } from "@/lib/db/generated/client";
import { makeUser, type TestUser } from "./support/cast";
import { useTestDb } from "./support/db";
import { call } from "./support/http";
import { supportRoutes as routes } from "./support/api";

useTestDb();

/**
 * What an Idempotency-Key costs in SQL statements: the process-wide client is swapped for one
 * on the same driver adapter with Prisma's query log, so every statement is counted.
 */
const g = globalThis as unknown as { __caseflowDb?: Promise<Awaited<ReturnType<typeof dbHandle>>> };
let original: typeof g.__caseflowDb;
let counting: PrismaClient<"query">;
let statements: string[] = [];
let cust: TestUser;

beforeAll(async () => {
  cust = await makeUser();
  const h = await dbHandle();
  counting = new PrismaClient({ adapter: h.adapter, log: [{ emit: "event", level: "query" }] });
  counting.$on("query", (e) => void statements.push(e.query));
  original = g.__caseflowDb;
  g.__caseflowDb = Promise.resolve({ ...h, prisma: counting as unknown as PrismaClient });
});

afterAll(async () => {
  g.__caseflowDb = original;
  await counting?.$disconnect();
});

async function measure(key: string | null) {
  statements = [];
  const r = await call(routes.ticketsRoute.POST as Parameters<typeof call>[0], "POST", "/api/v1/support/tickets/", {
    user: cust,
    body: { subject: "Budget", initial_message: "x" },
    headers: key ? { "Idempotency-Key": key } : {},
  });
  expect(r.status).toBe(201);
  return {
    count: statements.length,
    replayed: r.headers.get("idempotent-replayed") === "true",
    insertsTicket: statements.some((q) => /INSERT INTO "(public"\.")?tickets"/i.test(q)),
  };
}

describe("Idempotency-Key query budget", () => {
  it("adds a constant few statements to a POST, and a replay is a handful of statements", async () => {
    await measure(null); // the first ticket of the day also creates per-day and per-user rows
    const plain = await measure(null);
    expect(plain.insertsTicket).toBe(true);
    const keyed = await measure("budget-1");
    // Authentication once more, the claim, and storing the response.
    expect(keyed.count - plain.count).toBeGreaterThan(0);
    expect(keyed.count - plain.count).toBeLessThanOrEqual(3);
    const replay = await measure("budget-1");
    expect(replay.replayed).toBe(true);
    // Authentication, the (refused) claim and reading the stored response: no ticket work.
    expect(replay.count).toBeLessThanOrEqual(3);
    expect(replay.insertsTicket).toBe(false);
  });
});
