import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import * as mergeRoute from "@/app/api/v1/support/tickets/[id]/merge/route";
import { useTestDb } from "./support/db";
import { call, handler as h } from "./support/http";
import { makeCast, type Cast } from "./support/cast";
import { newTicket, postMessage } from "./support/fixtures";
import { useQueryCounter } from "./support/query-count";

// A merge moves rows with set-based statements: its cost does not grow with the thread, and no
// input makes it a 500.
useTestDb();
const measure = useQueryCounter();

let cast: Cast;
beforeAll(async () => {
  cast = await makeCast();
});

const merge = (id: string, body: unknown, user: { token: string } = cast.agent) =>
  call(h(mergeRoute.POST), "POST", `/api/v1/support/tickets/${encodeURIComponent(id)}/merge/`, { user, body, params: { id } });

async function pairWith(messages: number) {
  const source = await newTicket(cast.customer, { subject: `Dup with ${messages}` });
  const target = await newTicket(cast.customer, { subject: `Main for ${messages}` });
  for (let i = 1; i < messages; i++) expect((await postMessage(i % 2 ? cast.agent : cast.customer, source.id, `m${i}`, i % 2 === 1 && i % 5 === 0)).status).toBe(201);
  return { source, target };
}

describe("merge budget", () => {
  it("costs the same number of statements for a 2-message and a 30-message duplicate", async () => {
    const small = await pairWith(2);
    const large = await pairWith(30);
    const a = await measure(() => merge(small.source.id, { target: small.target.id }));
    const b = await measure(() => merge(large.source.id, { target: large.target.id }));
    expect(a.result.status, a.result.text).toBe(200);
    expect(b.result.status, b.result.text).toBe(200);
    expect(b.result.json.target.ticket_number).toBe(large.target.ticket_number);
    expect(b.count).toBe(a.count);
    expect(a.count).toBeLessThanOrEqual(40);
  });

  it("never answers 500, whatever the id or body", async () => {
    const t = await newTicket(cast.customer, { subject: "Fuzzed" });
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.constant(t.id), fc.string(), fc.uuid()),
        fc.oneof(fc.anything(), fc.record({ target: fc.oneof(fc.string(), fc.uuid(), fc.constant(t.id), fc.anything()) })),
        async (id, body) => {
          const r = await merge(id, body);
          expect(r.status, `${id} ${JSON.stringify(body)} → ${r.text}`).toBeLessThan(500);
          expect([400, 404, 409, 200]).toContain(r.status);
        },
      ),
      { numRuns: 60 },
    );
  });
});
