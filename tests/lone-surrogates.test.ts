import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { rejectNullCharacters } from "@/lib/api/handler";
import { ValidationError } from "@/lib/domain/errors";
import { loadQueue } from "@/app/(agent)/agent/_lib/queue-data";
import * as tokenRoute from "@/app/api/v1/auth/token/route";
import * as comments from "@/app/api/v1/ticket-comments/route";
import * as comment from "@/app/api/v1/ticket-comments/[id]/route";
import * as attachments from "@/app/api/v1/ticket-attachments/route";
import { makeUser, type TestUser } from "./support/cast";
import { useTestDb } from "./support/db";
import { call } from "./support/http";
import { crmApi, supportApi as api } from "./support/api";
import { newTicket } from "./support/fixtures";

// A lone UTF-16 surrogate has no UTF-8 form: PostgreSQL text would silently turn it into
// U+FFFD and json/array values refuse it (a 500, or a notification that could not be queued).
// Every text field of both APIs refuses it with a 400 naming the field, and nothing is written.
useTestDb();

const MESSAGE = "Lone surrogate characters are not allowed.";
const LONE = ["\ud800", "\udc00", "before \ud83d after", "\udc00\ud800", "ends high \udbff"];
const h = (x: unknown) => x as Parameters<typeof call>[0];

let customer: TestUser, agent: TestUser, ticketId: string, commentId: string;
beforeAll(async () => {
  customer = await makeUser();
  agent = await makeUser({ role: "admin" });
  ticketId = (await newTicket(customer)).id;
  const c = await crmApi.comment(agent, ticketId, { text: "A first comment" });
  expect(c.status, c.text).toBe(200);
  commentId = c.json.comments.find((x: { text: string }) => x.text === "A first comment").id;
});

async function counts() {
  const prisma = await db();
  const [tickets, messages, notifications, events] = await Promise.all([
    prisma.ticket.count(), prisma.message.count(), prisma.notification.count(), prisma.event.count(),
  ]);
  return { tickets, messages, notifications, events };
}

type Case = [name: string, field: string, send: (bad: string) => ReturnType<typeof call>];
const CASES: Case[] = [
  ["support ticket create: subject", "subject", (v) => api.createTicket(customer, { subject: v, initial_message: "Hello" })],
  ["support ticket create: description", "description", (v) => api.createTicket(customer, { subject: "S", description: v, initial_message: "Hi" })],
  ["support ticket create: initial_message", "initial_message", (v) => api.createTicket(customer, { subject: "S", initial_message: v })],
  ["support ticket create: tags (a list)", "tags", (v) => api.createTicket(agent, { subject: "S", initial_message: "Hi", tags: ["ok", v] })],
  ["support ticket create: category", "category", (v) => api.createTicket(agent, { subject: "S", initial_message: "Hi", category: v })],
  ["support ticket patch: subject", "subject", (v) => api.patchTicket(agent, ticketId, { subject: v })],
  ["support ticket patch: tags", "tags", (v) => api.patchTicket(agent, ticketId, { tags: [v] })],
  ["support ticket patch: status", "status", (v) => api.patchTicket(agent, ticketId, { status: v })],
  ["support message: body (agent)", "body", (v) => api.postMessage(agent, { ticket: ticketId, body: v })],
  ["support message: body (customer)", "body", (v) => api.postMessage(customer, { ticket: ticketId, body: v })],
  ["support message: ticket", "ticket", (v) => api.postMessage(customer, { ticket: v, body: "Hi" })],
  ["token: email", "email", (v) => call(h(tokenRoute.POST), "POST", "/api/v1/auth/token/", { body: { email: v, password: "x" } })],
  ["crm ticket create: subject", "subject", (v) => crmApi.create(agent, { subject: v, description: "D" })],
  ["crm ticket create: description", "description", (v) => crmApi.create(agent, { subject: "S", description: v })],
  ["crm ticket create: tags", "tags", (v) => crmApi.create(agent, { subject: "S", description: "D", tags: `vip, ${v}` })],
  ["crm ticket create: category", "category", (v) => crmApi.create(agent, { subject: "S", description: "D", category: v })],
  ["crm ticket patch: subject", "subject", (v) => crmApi.patch(agent, ticketId, { subject: v })],
  ["crm ticket patch: tags", "tags", (v) => crmApi.patch(agent, ticketId, { tags: v })],
  ["crm add_comment: text", "text", (v) => crmApi.comment(agent, ticketId, { text: v })],
  ["crm assign: user_id", "user_id", (v) => crmApi.assign(agent, ticketId, { user_id: v })],
  ["crm ticket-comments create: text", "text", (v) =>
    call(h(comments.POST), "POST", "/api/v1/ticket-comments/", { user: agent, body: { ticket: ticketId, text: v } })],
  ["crm ticket-comments patch: text", "text", (v) =>
    call(h(comment.PATCH), "PATCH", `/api/v1/ticket-comments/${commentId}/`, { user: agent, body: { text: v }, params: { id: commentId } })],
  ["crm ticket-attachments: ticket", "ticket", (v) =>
    call(h(attachments.POST), "POST", "/api/v1/ticket-attachments/", { user: agent, body: { ticket: v } })],
];

describe("lone surrogates are a 400 naming the field, and nothing is written", () => {
  it.each(CASES)("%s", async (_name, field, send) => {
    for (const bad of LONE) {
      const before = await counts();
      const r = await send(bad);
      expect(r.status, `${JSON.stringify(bad)}: ${r.text}`).toBe(400);
      expect(r.json[field]).toContain(MESSAGE);
      expect(await counts()).toEqual(before);
    }
  });

  it("well-formed text, astral characters included, is accepted and stored as sent", async () => {
    const text = "Emoji 😀, CJK 漢字, math 𝔸 — all fine";
    const t = await api.createTicket(customer, { subject: text, initial_message: text });
    expect(t.status, t.text).toBe(201);
    expect(t.json.subject).toBe(text);
    const c = await crmApi.create(agent, { subject: "S", description: text, tags: "😀, 漢字" });
    expect(c.status, c.text).toBe(201);
    expect(c.json.tags).toBe("😀, 漢字");
  });

  it("keys and nested values are checked too; NUL and lone surrogates are both reported", () => {
    const refused = (data: unknown) => {
      try {
        rejectNullCharacters(data);
        return null;
      } catch (e) {
        if (e instanceof ValidationError) return e.fields;
        throw e;
      }
    };
    expect(refused({ subject: "a\u0000\ud800" })).toEqual({ subject: ["Null characters are not allowed.", MESSAGE] });
    expect(refused({ meta: { deep: ["ok", "\udc00"] } })).toEqual({ meta: [MESSAGE] });
    expect(refused({ "\ud800": "x" })).toEqual({ non_field_errors: [MESSAGE] });
    expect(refused("\ud800")).toEqual({ non_field_errors: [MESSAGE] });
    expect(refused({ ok: "😀", list: ["漢字"] })).toBeNull();
  });

  it("the agent queue's filters (a server action's arguments) refuse them as the API's query strings do", async () => {
    // An HTTP query string cannot carry one (URL decoding yields U+FFFD), but a server
    // action's arguments can: the queue's loader checks them as parseQuery checks a query.
    expect(await loadQueue(agent, { search: "refund \ud800" })).toEqual({ ok: false, errors: { search: [MESSAGE] } });
    // DRF's SearchFilter drops NUL characters from search terms; other filters refuse them.
    expect((await loadQueue(agent, { search: "refund \u0000" })).ok).toBe(true);
    expect(await loadQueue(agent, { channel: "email\u0000" })).toEqual({ ok: false, errors: { channel: ["Null characters are not allowed."] } });
    expect((await loadQueue(agent, { search: "refund 😀" })).ok).toBe(true);
  });
});
