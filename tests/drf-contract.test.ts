import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { supportApi } from "./support/api";
import { makeCast, type Cast } from "./support/cast";
import { useTestDb } from "./support/db";
import { makeContact, newTicket } from "./support/fixtures";

/**
 * The support API's lists answer as stock DRF 3.14 + django-filter 23 would for the same
 * request: a table of request → expected status, body or ids. The documented extensions
 * (nulls last, assigned_to=me|none, priority by severity, ISO-only dates) are tested elsewhere.
 */
useTestDb();

let cast: Cast;
const T: Record<string, string> = {};
const GHOST = "00000000-0000-4000-8000-000000000000";
const INVALID_CHOICE = ["Select a valid choice. That choice is not one of the available choices."];

beforeAll(async () => {
  cast = await makeCast();
  const subjects: Record<string, string> = {
    percent: "50% off coupon rejected",
    underscore: "field snake_case missing",
    backslash: "Cannot open C:\\temp\\report.pdf",
    refund: "Refund for damaged tent",
    plain: "Where is my order",
  };
  for (const [k, subject] of Object.entries(subjects)) T[k] = (await newTicket(cast.customer, { subject })).id;
  // Padding so page sizes can be told apart from the default of 25.
  for (let i = 0; i < 8; i++) T[`pad${i}`] = (await newTicket(cast.otherCustomer, { subject: `Padding ${i}` })).id;
  const prisma = await db();
  // One overdue open ticket, everything else without an SLA breach.
  await prisma.ticket.updateMany({ data: { slaDueAt: new Date(Date.now() + 86_400_000) } });
  await prisma.ticket.update({ where: { id: T.refund }, data: { slaDueAt: new Date(Date.now() - 3_600_000) } });
});

async function ids(query: Record<string, string>): Promise<string[]> {
  const r = await supportApi.listTickets(cast.agent, { page_size: "100", ...query });
  expect(r.status, `${JSON.stringify(query)} → ${r.text}`).toBe(200);
  const back = Object.fromEntries(Object.entries(T).map(([k, v]) => [v, k]));
  return (r.json.results as { id: string }[]).map((t) => back[t.id]).sort();
}

const all = () => Object.keys(T).sort();

describe("DRF SearchFilter: terms are literal and split as Python's str.split()", () => {
  const cases: [string, string, string[]][] = [
    ["% matches itself", "%", ["percent"]],
    ["_ matches itself, not any character", "_", ["underscore"]],
    ["a backslash matches itself", "C:\\temp", ["backslash"]],
    ["case-insensitive substring", "SNAKE_CASE", ["underscore"]],
    ["commas separate terms; every term must match", "refund,tent", ["refund"]],
    ["an 11th term that matches nothing still counts", "r e f u n d a m g t zzz", []],
    ["\\x1c is whitespace to Python", "refund\x1ctent", ["refund"]],
    ["\\x85 is whitespace to Python", "refund\x85tent", ["refund"]],
    ["NUL characters are dropped", "ref\x00und", ["refund"]],
  ];
  for (const [name, search, expected] of cases) {
    it(name, async () => expect(await ids({ search })).toEqual(expected));
  }
  it("U+FEFF is not whitespace to Python, so it is part of the term", async () => {
    expect(await ids({ search: "refund\ufefftent" })).toEqual([]);
  });
  it("bounds the parameter's length with a 400 instead of dropping terms", async () => {
    const r = await supportApi.listTickets(cast.agent, { search: "a ".repeat(300) });
    expect(r.status).toBe(400);
    expect(Object.keys(r.json)).toEqual(["search"]);
  });
});

describe("django-filter: empty values do not filter", () => {
  it("treats every empty parameter as absent", async () => {
    const empty = Object.fromEntries(
      ["status", "priority", "channel", "assigned_to", "contact", "order", "created_at_after", "created_at_before",
        "last_message_at_after", "sla_due_at_before", "sla_overdue", "search", "ordering", "cursor"].map((k) => [k, ""]),
    );
    expect(await ids(empty)).toEqual(all());
  });
});

describe("django-filter BooleanWidget", () => {
  const cases: [string, "overdue" | "not" | "all"][] = [
    ["true", "overdue"], ["True", "overdue"], ["TRUE", "overdue"], ["1", "overdue"],
    ["false", "not"], ["False", "not"], ["0", "not"],
    ["yes", "all"], ["on", "all"], [" true", "all"], ["2", "all"],
  ];
  for (const [value, expected] of cases) {
    it(`sla_overdue=${JSON.stringify(value)} → ${expected}`, async () => {
      const want = expected === "overdue" ? ["refund"] : expected === "not" ? all().filter((k) => k !== "refund") : all();
      expect(await ids({ sla_overdue: value })).toEqual(want);
    });
  }
  it("messages is_internal: an unknown value does not filter", async () => {
    await supportApi.postMessage(cast.agent, { ticket: T.plain, body: "note", is_internal: true });
    const every = await supportApi.listMessages(cast.agent, { ticket: T.plain });
    const maybe = await supportApi.listMessages(cast.agent, { ticket: T.plain, is_internal: "Yes" });
    expect(maybe.status).toBe(200);
    expect(maybe.json.results.length).toBe(every.json.results.length);
    expect((await supportApi.listMessages(cast.agent, { ticket: T.plain, is_internal: "TRUE" })).json.results.length).toBe(1);
  });
});

describe("ModelChoiceFilter: a well-formed id that names nothing is a 400", () => {
  it.each([
    ["assigned_to", "assigned_to"],
    ["contact", "contact"],
    ["order", "order"],
  ])("tickets ?%s=<unknown id>", async (param, field) => {
    const r = await supportApi.listTickets(cast.agent, { [param]: GHOST });
    expect(r.status).toBe(400);
    expect(r.json).toEqual({ [field]: INVALID_CHOICE });
  });
  it("an existing contact with no tickets is an empty list, not an error", async () => {
    const c = await makeContact("Nobody", null);
    expect(await ids({ contact: c.id })).toEqual([]);
  });
  it("messages and events ?ticket=<unknown id>", async () => {
    for (const list of [supportApi.listMessages, supportApi.listEvents]) {
      const r = await list(cast.agent, { ticket: GHOST });
      expect(r.status).toBe(400);
      expect(r.json).toEqual({ ticket: INVALID_CHOICE });
    }
  });
  it("a customer naming another customer's ticket gets an empty list (the id exists)", async () => {
    const r = await supportApi.listMessages(cast.customer, { ticket: T.pad0 });
    expect(r.status).toBe(200);
    expect(r.json.results).toEqual([]);
  });
});

describe("CursorPagination and page_size", () => {
  it("an invalid cursor is 404 {detail: Invalid cursor}", async () => {
    for (const list of [supportApi.listTickets, supportApi.listMessages, supportApi.listEvents]) {
      const r = await list(cast.agent, { cursor: "not-a-cursor" });
      expect(r.status).toBe(404);
      expect(r.json).toEqual({ detail: "Invalid cursor" });
    }
  });
  const sizes: [string, number][] = [
    ["1e1", 13], ["0x10", 13], ["10.0", 13], ["1_0", 10], [" 10 ", 10], ["+10", 10], ["1__0", 13],
    ["0", 13], ["-1", 13], ["abc", 13], ["5", 5], ["100000000000000000000", 13],
  ];
  for (const [page_size, n] of sizes) {
    it(`page_size=${JSON.stringify(page_size)} → ${n} rows`, async () => {
      const r = await supportApi.listTickets(cast.agent, { page_size });
      expect(r.status).toBe(200);
      expect(r.json.results.length).toBe(n);
    });
  }
});

describe("range filters", () => {
  it("name errors by the range, as django-filter does", async () => {
    const r = await supportApi.listTickets(cast.agent, { created_at_after: "soon", created_at_before: "later" });
    expect(r.status).toBe(400);
    expect(Object.keys(r.json)).toEqual(["created_at"]);
  });
});
