import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDb } from "./support/db";
import { call } from "./support/http";
import { makeCast, type TestUser } from "./support/cast";
import { supportApi } from "./support/api";
import { newTicket } from "./support/fixtures";
import * as tokenRoute from "@/app/api/v1/auth/token/route";
import * as refreshRoute from "@/app/api/v1/auth/token/refresh/route";
import * as macrosRoute from "@/app/api/v1/support/macros/route";
import * as macroRoute from "@/app/api/v1/support/macros/[id]/route";
import * as applyMacroRoute from "@/app/api/v1/support/tickets/[id]/apply-macro/route";
import * as tagsRoute from "@/app/api/v1/support/tags/route";
import * as messagesRoute from "@/app/api/v1/support/messages/route";
import * as slaPoliciesRoute from "@/app/api/v1/support/sla-policies/route";
import * as slaPolicyRoute from "@/app/api/v1/support/sla-policies/[id]/route";
import * as slaReportRoute from "@/app/api/v1/support/sla-report/route";
import * as notificationsRoute from "@/app/api/v1/support/notifications/route";
import * as notificationReadRoute from "@/app/api/v1/support/notifications/[id]/read/route";
import * as notificationsReadAllRoute from "@/app/api/v1/support/notifications/read-all/route";
import * as unreadCountRoute from "@/app/api/v1/support/notifications/unread-count/route";

useTestDb();

/**
 * Property tests: malformed values thrown at every filter and body field must produce a 4xx
 * (or a 2xx when the value happens to be valid), never a 500.
 */
const TICKET_FIELDS = [
  "subject", "description", "initial_message", "order", "user", "contact", "status", "priority", "category",
  "channel", "sla_due_at", "assigned_to", "watchers", "tags", "ai_summary", "ai_confidence_score",
  "ai_first_response_time", "ai_auto_resolved",
];
const LIST_PARAMS = [
  "status", "priority", "assigned_to", "contact", "order", "channel", "created_at_after", "created_at_before",
  "last_message_at_after", "last_message_at_before", "sla_due_at_after", "sla_due_at_before", "sla_overdue",
  "search", "ordering", "cursor", "page_size", "tags",
];
const MACRO_FIELDS = ["name", "body", "status", "priority", "assigned_to", "add_tags", "remove_tags", "shared"];
const MESSAGE_PARAMS = ["ticket", "direction", "is_internal", "created_at_after", "created_at_before", "cursor", "page_size"];

const nasty = fc.oneof(
  fc.string(),
  fc.string({ unit: "grapheme", maxLength: 50 }),
  fc.constantFrom("", " ", "\u0000", "a\u0000b", "null", "true", "-1", "1e309", "NaN", "9999-99-99", "2025-02-30",
    "00000000-0000-0000-0000-000000000000", "'; DROP TABLE tickets; --", "%", "_", "\\", "-", ",", "-,-", "me", "none",
    "x".repeat(5000), "2025-01-01T25:61:00Z", "-0001-01-01", "+275760-09-13T00:00:00.000Z", "\ud800"),
);
const value = fc.oneof(
  nasty,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(nasty, { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), nasty, { maxKeys: 2 }),
);
const bodyOf = (fields: string[]) =>
  fc.oneof(
    fc.dictionary(fc.constantFrom(...fields), value, { maxKeys: 6 }),
    value,
  );
const queryOf = (params: string[]) => fc.dictionary(fc.constantFrom(...params), nasty, { maxKeys: 5 });

let customer: TestUser, agent: TestUser, ticketId: string;

beforeAll(async () => {
  // An admin as the agent, so status and assignment changes reach validation instead of
  // stopping at the "assignee or admin" rule.
  ({ customer, admin: agent } = await makeCast());
  ticketId = (await newTicket(customer)).id;
});

function no5xx(r: { status: number; json: unknown }, input: unknown) {
  if (r.status >= 500) throw new Error(`500 for ${JSON.stringify(input)}: ${JSON.stringify(r.json)}`);
  expect(r.status).toBeLessThan(500);
}

const RUNS = { numRuns: Number(process.env.FUZZ_RUNS || 60) };

describe("no input produces a 500", () => {
  it("ticket list filters", async () => {
    await fc.assert(fc.asyncProperty(queryOf(LIST_PARAMS), fc.boolean(), async (q, asAgent) => {
      no5xx(await supportApi.listTickets(asAgent ? agent : customer, q), q);
    }), RUNS);
  });
  it("ticket create bodies", async () => {
    await fc.assert(fc.asyncProperty(bodyOf(TICKET_FIELDS), fc.boolean(), async (b, asAgent) => {
      no5xx(await supportApi.createTicket(asAgent ? agent : customer, b), b);
    }), RUNS);
  });
  it("ticket patch bodies and ids", async () => {
    await fc.assert(fc.asyncProperty(bodyOf(TICKET_FIELDS), fc.oneof(fc.constant(ticketId), nasty), async (b, id) => {
      no5xx(await supportApi.patchTicket(agent, id, b), { b, id });
      no5xx(await supportApi.getTicket(customer, id), id);
      no5xx(await supportApi.markRead(customer, id), id);
    }), RUNS);
  });
  it("message list filters and message bodies", async () => {
    await fc.assert(fc.asyncProperty(queryOf(MESSAGE_PARAMS), bodyOf(["ticket", "body", "is_internal"]), fc.boolean(), async (q, b, asAgent) => {
      const who = asAgent ? agent : customer;
      no5xx(await supportApi.listMessages(who, q), q);
      no5xx(await supportApi.listEvents(who, q), q);
      const withTicket = b && typeof b === "object" && !Array.isArray(b) ? { ticket: ticketId, ...b } : b;
      no5xx(await supportApi.postMessage(who, withTicket), withTicket);
    }), RUNS);
  });
  it("macro bodies, ids, list filters and applications", async () => {
    const made = await call(macrosRoute.POST as any, "POST", "/api/v1/support/macros/", { user: agent, body: { name: "Fuzz", body: "Hi {{customer.name}}" } });
    expect(made.status).toBe(201);
    await fc.assert(fc.asyncProperty(bodyOf(MACRO_FIELDS), fc.oneof(fc.constant(made.json.id as string), nasty), queryOf(["search", "shared", "cursor", "page_size"]), bodyOf(["macro", "internal"]), fc.boolean(), async (b, id, q, a, asAgent) => {
      const who = asAgent ? agent : customer;
      no5xx(await call(macrosRoute.POST as any, "POST", "/api/v1/support/macros/", { user: who, body: b }), b);
      no5xx(await call(macrosRoute.GET as any, "GET", "/api/v1/support/macros/", { user: who, query: q }), q);
      no5xx(await call(macroRoute.PATCH as any, "PATCH", `/api/v1/support/macros/${id}/`, { user: who, body: b, params: { id } }), { b, id });
      no5xx(await call(macroRoute.GET as any, "GET", `/api/v1/support/macros/${id}/`, { user: who, params: { id } }), id);
      no5xx(await call(applyMacroRoute.POST as any, "POST", `/api/v1/support/tickets/${ticketId}/apply-macro/`, { user: who, body: a, params: { id: ticketId } }), a);
    }), { numRuns: 30 });
  });
  it("tag suggestions and If-Match on message posts", async () => {
    const header = fc.oneof(fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 40 }),
      fc.constantFrom("*", "W/\"x\"", "\"\"", ",", "\"a\",", "\"00000000-v1\""));
    await fc.assert(fc.asyncProperty(queryOf(["search", "page_size"]), header, fc.boolean(), async (q, h, asAgent) => {
      const who = asAgent ? agent : customer;
      no5xx(await call(tagsRoute.GET as any, "GET", "/api/v1/support/tags/", { user: who, query: q }), q);
      const posted = await call(messagesRoute.POST as any, "POST", "/api/v1/support/messages/", { user: who, body: { ticket: ticketId, body: "fuzz" }, headers: { "If-Match": h } });
      no5xx(posted, h);
    }), { numRuns: 40 });
  });
  it("token endpoints", async () => {
    await fc.assert(fc.asyncProperty(bodyOf(["email", "password", "refresh"]), async (b) => {
      no5xx(await call(tokenRoute.POST as any, "POST", "/api/v1/auth/token/", { body: b, headers: { "x-forwarded-for": "198.51.100.1" } }), b);
      no5xx(await call(refreshRoute.POST as any, "POST", "/api/v1/auth/token/refresh/", { body: b }), b);
    }), { numRuns: 25 });
  });
});

const TABLE_VALUES: unknown[] = [
  "", " ", "\u0000", "a\u0000b", "\ud800", "x".repeat(300_000), -1, 1e309, Number.MAX_SAFE_INTEGER, 0.5, true, null,
  [], ["\u0000"], [null], {}, { a: 1 }, "2025-02-30", "9999-12-31T23:59:59Z", "+275760-09-13T00:00:00.000Z",
  "00000000-0000-0000-0000-000000000000", "'; DROP TABLE tickets; --",
];

describe("table: every body field × malformed values", () => {
  it("ticket create and patch answer 2xx/4xx for each", async () => {
    for (const field of TICKET_FIELDS) {
      for (const v of TABLE_VALUES) {
        const body = { subject: "Table test", [field]: v };
        no5xx(await supportApi.createTicket(agent, body), body);
        no5xx(await supportApi.patchTicket(agent, ticketId, { [field]: v }), { [field]: v });
      }
    }
  });
  it("message post and every list filter answer 2xx/4xx for each", async () => {
    for (const v of TABLE_VALUES) {
      for (const f of ["ticket", "body", "is_internal"]) {
        const body = { ticket: ticketId, body: "ok", [f]: v };
        no5xx(await supportApi.postMessage(agent, body), body);
      }
      if (typeof v !== "string") continue;
      for (const p of LIST_PARAMS) no5xx(await supportApi.listTickets(agent, { [p]: v }), { [p]: v });
      for (const p of MESSAGE_PARAMS) no5xx(await supportApi.listMessages(customer, { [p]: v }), { [p]: v });
    }
  });
});

const SLA_POLICY_FIELDS = ["name", "position", "conditions", "targets", "calendar", "warn_before_minutes"];
const DEFAULT_POLICY = "00000000-0000-4000-8000-00000000d000";
const slaBody = (b: unknown) => (b && typeof b === "object" && !Array.isArray(b) ? { name: `Fuzz ${Math.random()}`, targets: {}, ...b } : b);

describe("SLA policies and report: no input produces a 500", () => {
  it("policy create and patch bodies, ids and report queries", async () => {
    await fc.assert(fc.asyncProperty(bodyOf(SLA_POLICY_FIELDS), fc.oneof(fc.constant(DEFAULT_POLICY), nasty), queryOf(["from", "to", "group_by"]), async (b, id, q) => {
      no5xx(await call(slaPoliciesRoute.POST as any, "POST", "/api/v1/support/sla-policies/", { user: agent, body: slaBody(b) }), b);
      no5xx(await call(slaPolicyRoute.PATCH as any, "PATCH", `/api/v1/support/sla-policies/${id}/`, { user: agent, body: b, params: { id } }), { b, id });
      no5xx(await call(slaReportRoute.GET as any, "GET", "/api/v1/support/sla-report/", { user: agent, query: q }), q);
    }), { numRuns: 30 });
  });
  it("malformed calendars, conditions and targets", async () => {
    for (const v of TABLE_VALUES) {
      for (const body of [
        { calendar: { time_zone: v } },
        { calendar: { time_zone: "UTC", weekly_hours: v } },
        { calendar: { time_zone: "UTC", weekly_hours: { mon: [{ start: v, end: "17:00" }] } } },
        { calendar: { time_zone: "UTC", holidays: [{ date: v }] } },
        { conditions: { team: v } },
        { conditions: { priority: [v] } },
        { targets: { medium: { resolution: v } } },
        { targets: v },
      ]) {
        no5xx(await call(slaPoliciesRoute.POST as any, "POST", "/api/v1/support/sla-policies/", { user: agent, body: slaBody(body) }), body);
        no5xx(await call(slaPolicyRoute.PATCH as any, "PATCH", `/api/v1/support/sla-policies/${DEFAULT_POLICY}/`, { user: agent, body, params: { id: DEFAULT_POLICY } }), body);
      }
    }
  });
});

describe("in-app notifications: no input produces a 500", () => {
  it("list filters, cursors, ids and bodies", async () => {
    await fc.assert(fc.asyncProperty(queryOf(["unread", "cursor", "page_size"]), nasty, bodyOf(["id"]), fc.boolean(), async (q, id, b, asAgent) => {
      const who = asAgent ? agent : customer;
      no5xx(await call(notificationsRoute.GET as any, "GET", "/api/v1/support/notifications/", { user: who, query: q }), q);
      no5xx(await call(notificationReadRoute.POST as any, "POST", `/api/v1/support/notifications/${id}/read/`, { user: who, body: b, params: { id } }), id);
      no5xx(await call(notificationsReadAllRoute.POST as any, "POST", "/api/v1/support/notifications/read-all/", { user: who, body: b }), b);
      no5xx(await call(unreadCountRoute.GET as any, "GET", "/api/v1/support/notifications/unread-count/", { user: who, query: q }), q);
    }), { numRuns: 30 });
  });
});
