import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { sweepIdempotencyKeys } from "@/lib/api/idempotency-store";
import { makeUser, type TestUser } from "./support/cast";
import { useTestDb } from "./support/db";
import { call, type CallOpts } from "./support/http";
import { crm, supportRoutes as support } from "./support/api";
import { pngFile } from "./support/fixtures";

useTestDb();

type Handler = Parameters<typeof call>[0];
const h = (f: unknown) => f as Handler;

let cust: TestUser, cust2: TestUser, agent: TestUser;
beforeAll(async () => {
  cust = await makeUser();
  cust2 = await makeUser();
  agent = await makeUser({ role: "customer_service" });
});

const post = (handler: unknown, path: string, user: TestUser | null, key: string | null, opts: Partial<CallOpts> = {}) =>
  call(h(handler), "POST", path, { user, ...opts, headers: { ...(key === null ? {} : { "Idempotency-Key": key }), ...opts.headers } });
const createTicket = (user: TestUser, key: string | null, body: unknown = { subject: "Broken", initial_message: "It broke." }) =>
  post(support.ticketsRoute.POST, "/api/v1/support/tickets/", user, key, { body });
const postMessage = (user: TestUser, key: string | null, body: unknown) =>
  post(support.messagesRoute.POST, "/api/v1/support/messages/", user, key, { body });

let n = 0;
const newKey = () => `key-${Date.now()}-${++n}`;

async function countTickets(subject: string) {
  return (await db()).ticket.count({ where: { subject } });
}

describe("Idempotency-Key on POST", () => {
  it("5 parallel duplicate creates make one ticket, and 5 parallel duplicate replies one message", async () => {
    const key = newKey();
    const subject = `Parallel ${key}`;
    const results = await Promise.all(Array.from({ length: 5 }, () => createTicket(cust, key, { subject, initial_message: "once" })));
    for (const r of results) expect(r.status, r.text).toBe(201);
    expect(new Set(results.map((r) => r.json.id)).size).toBe(1);
    expect(results.filter((r) => r.headers.get("idempotent-replayed") === "true")).toHaveLength(4);
    expect(await countTickets(subject)).toBe(1);

    const id = results[0].json.id;
    const msgKey = newKey();
    const replies = await Promise.all(Array.from({ length: 5 }, () => postMessage(cust, msgKey, { ticket: id, body: "only once" })));
    for (const r of replies) expect(r.status, r.text).toBe(201);
    expect(new Set(replies.map((r) => r.json.id)).size).toBe(1);
    const prisma = await db();
    expect(await prisma.message.count({ where: { ticketId: id, body: "only once" } })).toBe(1);
    const t = await prisma.ticket.findUniqueOrThrow({ where: { id } });
    expect(t.publicMessageCount).toBe(2); // the initial message and the one reply
  });

  it("replays the first response: status, body and headers, marked Idempotent-Replayed", async () => {
    const key = newKey();
    const first = await createTicket(cust, key);
    expect(first.status).toBe(201);
    expect(first.headers.get("idempotent-replayed")).toBeNull();
    const again = await createTicket(cust, key);
    expect(again.status).toBe(201);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(again.text).toBe(first.text);
    for (const name of ["content-type", "location", "etag", "last-modified"]) {
      expect(first.headers.get(name), name).toBeTruthy();
      expect(again.headers.get(name), name).toBe(first.headers.get(name));
    }
    // Without a key, the same body is a new request.
    const plain = await createTicket(cust, null);
    expect(plain.json.id).not.toBe(first.json.id);
  });

  it("refuses the same key with a different body or path (422)", async () => {
    const key = newKey();
    const first = await createTicket(cust, key, { subject: `Body ${key}`, initial_message: "a" });
    expect(first.status).toBe(201);
    const other = await createTicket(cust, key, { subject: `Body ${key}`, initial_message: "b" });
    expect(other.status).toBe(422);
    expect(other.json.detail).toMatch(/different request/);
    const elsewhere = await postMessage(cust, key, { ticket: first.json.id, body: "a" });
    expect(elsewhere.status).toBe(422);
    expect(await countTickets(`Body ${key}`)).toBe(1);
    // Key order and whitespace of JSON do not make a different request.
    const reordered = await post(support.ticketsRoute.POST, "/api/v1/support/tickets/", cust, key, {
      raw: { body: `{ "initial_message": "a",  "subject": "Body ${key}" }`, contentType: "application/json" },
    });
    expect(reordered.status).toBe(201);
    expect(reordered.headers.get("idempotent-replayed")).toBe("true");
  });

  it("scopes keys per user", async () => {
    const key = newKey();
    const subject = `Per user ${key}`;
    const a = await createTicket(cust, key, { subject, initial_message: "x" });
    const b = await createTicket(cust2, key, { subject, initial_message: "x" });
    expect(a.status).toBe(201);
    expect(b.status).toBe(201);
    expect(b.headers.get("idempotent-replayed")).toBeNull();
    expect(b.json.id).not.toBe(a.json.id);
    expect(await countTickets(subject)).toBe(2);
  });

  it("runs a request anew once its key has expired, and the sweep deletes expired keys", async () => {
    const key = newKey();
    const subject = `Expiry ${key}`;
    const first = await createTicket(cust, key, { subject, initial_message: "x" });
    const prisma = await db();
    await prisma.idempotencyKey.updateMany({ where: { userId: cust.id, key }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const second = await createTicket(cust, key, { subject, initial_message: "x" });
    expect(second.status).toBe(201);
    expect(second.headers.get("idempotent-replayed")).toBeNull();
    expect(second.json.id).not.toBe(first.json.id);
    // The key now holds the new response.
    expect((await createTicket(cust, key, { subject, initial_message: "x" })).json.id).toBe(second.json.id);

    const liveKey = newKey();
    await createTicket(cust, liveKey);
    await prisma.idempotencyKey.updateMany({ where: { userId: cust.id, key }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await sweepIdempotencyKeys()).toBeGreaterThanOrEqual(1);
    expect(await prisma.idempotencyKey.count({ where: { userId: cust.id, key } })).toBe(0);
    expect(await prisma.idempotencyKey.count({ where: { userId: cust.id, key: liveKey } })).toBe(1);
  });

  it("validates the key: empty or longer than 255 characters is 400; 255 is fine", async () => {
    const empty = await createTicket(cust, "");
    expect(empty.status).toBe(400);
    expect(empty.json.non_field_errors[0]).toMatch(/Idempotency-Key/);
    expect((await createTicket(cust, "k".repeat(256))).status).toBe(400);
    expect((await createTicket(cust, "k".repeat(255))).status).toBe(201);
    expect((await createTicket(cust, "k".repeat(255))).headers.get("idempotent-replayed")).toBe("true");
    // Authentication comes first: no user, no key lookup.
    expect((await post(support.ticketsRoute.POST, "/api/v1/support/tickets/", null, newKey(), { body: {} })).status).toBe(401);
    expect((await post(support.ticketsRoute.POST, "/api/v1/support/tickets/", null, "", { body: {} })).status).toBe(401);
  });

  it("never answers 5xx, whatever the key and body, and answers a repeat the same way", async () => {
    const keyChars = fc.array(fc.integer({ min: 0x20, max: 0xff }), { maxLength: 300 }).map((a) => String.fromCharCode(...a));
    const body = fc.oneof(
      fc.constant({ subject: "Fuzz", initial_message: "x" }),
      fc.dictionary(fc.constantFrom("subject", "initial_message", "order", "priority"), fc.oneof(fc.string(), fc.integer(), fc.constant(null)), { maxKeys: 3 }),
      fc.string(),
    );
    await fc.assert(
      fc.asyncProperty(keyChars, body, async (key, b) => {
        const unique = `${key}`.trim() ? `${key}${++n}` : key;
        const first = await createTicket(cust, unique, b);
        expect(first.status, `${JSON.stringify(unique)} ${first.text}`).toBeLessThan(500);
        if (first.status === 400 && first.json?.non_field_errors?.[0]?.includes("Idempotency-Key")) return;
        const again = await createTicket(cust, unique, b);
        expect(again.status).toBe(first.status);
        expect(again.text).toBe(first.text);
        expect(again.headers.get("idempotent-replayed")).toBe("true");
      }),
      { numRuns: 25 },
    );
  });

  it("replays a 4xx answer too (the same request gets the same answer)", async () => {
    const key = newKey();
    const bad = await createTicket(cust, key, { initial_message: "no subject" });
    expect(bad.status).toBe(400);
    const again = await createTicket(cust, key, { initial_message: "no subject" });
    expect(again.status).toBe(400);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(again.json).toEqual(bad.json);
  });

  it("takes over a claim whose holder died (lease over)", async () => {
    const key = newKey();
    const subject = `Abandoned ${key}`;
    const body = { subject, initial_message: "x" };
    const first = await createTicket(cust, key, body);
    const prisma = await db();
    // As if a process claimed the key and died before storing a response.
    await prisma.idempotencyKey.updateMany({
      where: { userId: cust.id, key },
      data: { state: "in_progress", responseStatus: null, lockedUntil: new Date(Date.now() - 1000) },
    });
    const retry = await createTicket(cust, key, body);
    expect(retry.status).toBe(201);
    expect(retry.json.id).not.toBe(first.json.id);
    expect(retry.headers.get("idempotent-replayed")).toBeNull();
  });
});

describe("Idempotency-Key on every POST route", () => {
  it("replays support mark-read, multipart messages and the CRM routes without doing the work twice", async () => {
    const prisma = await db();
    const t = (await createTicket(cust, null)).json;

    const read = newKey();
    const r1 = await post(support.markReadRoute.POST, `/api/v1/support/tickets/${t.id}/mark-read/`, agent, read, { params: { id: t.id } });
    const r2 = await post(support.markReadRoute.POST, `/api/v1/support/tickets/${t.id}/mark-read/`, agent, read, { params: { id: t.id } });
    expect(r1.status).toBe(200);
    expect(r2.headers.get("idempotent-replayed")).toBe("true");
    expect(r2.headers.get("last-modified")).toBe(r1.headers.get("last-modified"));

    // Multipart: a retried form has a new boundary; fields and file contents decide.
    const form = () => {
      const f = new FormData();
      f.append("ticket", t.id);
      f.append("body", "with a file");
      f.append("files", pngFile());
      return f;
    };
    const mk = newKey();
    const m = await Promise.all([0, 1, 2].map(() => post(support.messagesRoute.POST, "/api/v1/support/messages/", cust, mk, { form: form() })));
    for (const r of m) expect(r.status, r.text).toBe(201);
    expect(await prisma.message.count({ where: { ticketId: t.id, body: "with a file" } })).toBe(1);
    const otherFile = new FormData();
    otherFile.append("ticket", t.id);
    otherFile.append("body", "with a file");
    otherFile.append("files", new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 9, 9])], "shot.png"));
    expect((await post(support.messagesRoute.POST, "/api/v1/support/messages/", cust, mk, { form: otherFile })).status).toBe(422);

    const ct = newKey();
    const crmCreate = () => post(crm.tickets.POST, "/api/v1/tickets/", cust, ct, { body: { subject: `CRM ${ct}` } });
    const [c1, c2] = await Promise.all([crmCreate(), crmCreate()]);
    expect([c1.status, c2.status]).toEqual([201, 201]);
    expect(c2.json.id).toBe(c1.json.id);
    expect(await countTickets(`CRM ${ct}`)).toBe(1);
    const crmId = c1.json.id;

    const cases: { handler: unknown; path: string; opts: Partial<CallOpts>; count: () => Promise<number> }[] = [
      {
        handler: crm.comments.POST,
        path: "/api/v1/ticket-comments/",
        opts: { body: { ticket: crmId, text: "comment once" } },
        count: () => prisma.message.count({ where: { ticketId: crmId, body: "comment once" } }),
      },
      {
        handler: crm.addComment.POST,
        path: `/api/v1/tickets/${crmId}/add_comment/`,
        opts: { body: { text: "add_comment once" }, params: { id: crmId } },
        count: () => prisma.message.count({ where: { ticketId: crmId, body: "add_comment once" } }),
      },
      {
        handler: crm.assign.POST,
        path: `/api/v1/tickets/${crmId}/assign/`,
        opts: { body: { user_id: agent.id }, params: { id: crmId } },
        count: () => prisma.event.count({ where: { ticketId: crmId, type: "assignment_changed" } }),
      },
      {
        handler: crm.attachments.POST,
        path: "/api/v1/ticket-attachments/",
        opts: {},
        count: () => prisma.attachment.count({ where: { ticketId: crmId } }),
      },
    ];
    for (const c of cases) {
      const key = newKey();
      const opts = () => {
        if (c.handler !== crm.attachments.POST) return c.opts;
        const f = new FormData();
        f.append("ticket", crmId);
        f.append("file", pngFile());
        return { form: f };
      };
      const [a, b] = await Promise.all([post(c.handler, c.path, agent, key, opts()), post(c.handler, c.path, agent, key, opts())]);
      expect(a.status, `${c.path} ${a.text}`).toBeLessThan(300);
      expect(b.status, c.path).toBe(a.status);
      expect(b.text, c.path).toBe(a.text);
      expect([a, b].filter((r) => r.headers.get("idempotent-replayed") === "true"), c.path).toHaveLength(1);
      expect(await c.count(), c.path).toBe(1);
    }
  });
});
