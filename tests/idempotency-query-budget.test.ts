import { beforeAll, describe, expect, it } from "vitest";
import { makeUser, type TestUser } from "./support/cast";
import { useTestDb } from "./support/db";
import { call } from "./support/http";
import { supportRoutes as routes } from "./support/api";
import { useQueryCounter } from "./support/query-count";

useTestDb();

/** What an Idempotency-Key costs in SQL statements. */
const count = useQueryCounter();
let cust: TestUser;

beforeAll(async () => {
  cust = await makeUser();
});

async function measure(key: string | null) {
  const { count: n, statements, result: r } = await count(() => call(routes.ticketsRoute.POST as Parameters<typeof call>[0], "POST", "/api/v1/support/tickets/", {
    user: cust,
    body: { subject: "Budget", initial_message: "x" },
    headers: key ? { "Idempotency-Key": key } : {},
  }));
  expect(r.status).toBe(201);
  return {
    count: n,
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
