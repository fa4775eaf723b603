import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { STATUSES, type Status } from "@/lib/domain/tickets/constants";
import {
  applyChange,
  onCreate,
  onMessage,
  onNotePublished,
  onStatusChange,
  onUpdate,
  replyAssignee,
  type LifecycleChange,
  type LifecycleState,
} from "@/lib/domain/tickets/lifecycle";
import { crm, supportApi as api } from "./support/api";
import { makeUser, type TestUser } from "./support/cast";
import { useTestDb } from "./support/db";
import { call } from "./support/http";
import { newTicket } from "./support/fixtures";

/**
 * The API's writes against the pure lifecycle rules: every status change, assignment, reply
 * and note through the real route handlers must leave the row exactly as the rules decide.
 * A rule that says "now" is checked as a time inside the request; every other column must be
 * the value it had before.
 */
useTestDb();

const NOW = new Date(8_640_000_000_000_000); // stands for "the time of the request"
let admin: TestUser;
let agent: TestUser;
let customer: TestUser;

beforeAll(async () => {
  admin = await makeUser({ role: "admin" });
  agent = await makeUser({ role: "customer_service" });
  customer = await makeUser();
});

async function read(id: string): Promise<LifecycleState> {
  const prisma = await db();
  return prisma.ticket.findUniqueOrThrow({
    where: { id },
    select: { status: true, assignedToId: true, resolvedAt: true, closedAt: true, firstResponseAt: true },
  });
}

/** Runs `write` and checks the row against what `change` (computed with NOW) says. */
async function expectApplied(id: string, before: LifecycleState, change: LifecycleChange, write: () => Promise<unknown>) {
  const t0 = Date.now();
  await write();
  const t1 = Date.now();
  const after = await read(id);
  const want = applyChange(before, change);
  for (const k of Object.keys(want) as (keyof LifecycleState)[]) {
    if (want[k] === NOW) {
      const got = (after[k] as Date | null)?.getTime() ?? NaN;
      expect(got >= t0 - 5 && got <= t1 + 5, `${k} is the request's time`).toBe(true);
    } else {
      expect(after[k], k).toEqual(want[k]);
    }
  }
}

/** A customer's ticket brought to `status` with `assignee` by an admin, its first message answered or not. */
async function ticketIn(status: Status, assignee: string | null, answered = false): Promise<string> {
  const t = await newTicket(customer);
  if (answered) expect((await api.postMessage(admin, { ticket: t.id, body: "On it." })).status).toBe(201);
  const r = await api.patchTicket(admin, t.id, { assigned_to: assignee, status });
  expect(r.status, JSON.stringify(r.json)).toBe(200);
  return t.id;
}

describe("ticket create", () => {
  it.each<[string, { status?: Status; assigned_to?: "agent" }]>([
    ["no status, no assignee", {}],
    ["assignee only", { assigned_to: "agent" }],
    ["explicit status with an assignee", { status: "new", assigned_to: "agent" }],
    ["created resolved", { status: "resolved" }],
    ["created closed", { status: "closed", assigned_to: "agent" }],
    ["created pending", { status: "pending" }],
  ])("%s", async (_name, input) => {
    const assignedToId = input.assigned_to ? agent.id : null;
    const t0 = Date.now();
    const r = await api.createTicket(admin, { subject: "Lifecycle", status: input.status, assigned_to: assignedToId ?? undefined });
    expect(r.status, JSON.stringify(r.json)).toBe(201);
    const row = await read(r.json.id);
    const want = onCreate({ status: input.status, assignedToId }, NOW);
    expect(row.status).toBe(want.status);
    for (const k of ["resolvedAt", "closedAt"] as const) {
      if (want[k] === NOW) expect(row[k]!.getTime()).toBeGreaterThanOrEqual(t0 - 5);
      else expect(row[k], k).toBeNull();
    }
  });
});

describe("status changes (every from × to)", () => {
  const pairs = STATUSES.flatMap((from) => STATUSES.filter((to) => to !== from).map((to) => [from, to] as const));
  it.each(pairs)("%s → %s", async (from, to) => {
    const id = await ticketIn(from, agent.id);
    const before = await read(id);
    await expectApplied(id, before, onStatusChange(before, to, NOW), async () => {
      expect((await api.patchTicket(admin, id, { status: to })).status).toBe(200);
    });
  });
});

describe("assignment, alone and with a status", () => {
  const cases: [Status, "none" | "agent", "agent" | "admin" | null, Status | undefined][] = [];
  for (const status of STATUSES) {
    for (const [from, to] of [["none", "agent"], ["agent", "admin"], ["agent", null]] as const) cases.push([status, from, to, undefined]);
  }
  cases.push(["new", "none", "agent", "in_progress"], ["new", "none", "agent", "new"], ["assigned", "agent", null, "closed"]);
  it.each(cases)("%s ticket: %s → %s, status %s", async (status, from, to, setStatus) => {
    const who = (x: string | null) => (x === "agent" ? agent.id : x === "admin" ? admin.id : null);
    const id = await ticketIn(status, who(from));
    const before = await read(id);
    const request = { assignedToId: who(to), ...(setStatus ? { status: setStatus } : {}) };
    await expectApplied(id, before, onUpdate(before, request, NOW), async () => {
      const r = await api.patchTicket(admin, id, { assigned_to: request.assignedToId, status: setStatus });
      expect(r.status, JSON.stringify(r.json)).toBe(200);
    });
  });
});

describe("messages", () => {
  const cases = STATUSES.flatMap((status) =>
    [null, "agent"].flatMap((assignee) => [
      { status, assignee, by: "customer" as const, internal: false },
      { status, assignee, by: "agent" as const, internal: false },
      { status, assignee, by: "agent" as const, internal: true },
    ]),
  );
  it.each(cases)("$by reply (internal: $internal) on a $status ticket, assignee $assignee", async ({ status, assignee, by, internal }) => {
    const id = await ticketIn(status, assignee ? agent.id : null);
    const before = await read(id);
    // An agent's first public reply takes an unassigned ticket (AUTO_ASSIGN_ON_REPLY, on by default).
    const assignTo = by === "agent" ? replyAssignee(before, agent.id) : null;
    const change = onMessage(before, { fromAgent: by === "agent", isInternal: internal }, NOW, { assignTo });
    await expectApplied(id, before, change, async () => {
      const r = await api.postMessage(by === "agent" ? agent : customer, { ticket: id, body: "Reply", is_internal: internal });
      expect(r.status, JSON.stringify(r.json)).toBe(201);
    });
  });

  it("a later agent reply keeps the first response time", async () => {
    const id = await ticketIn("in_progress", agent.id, true);
    const before = await read(id);
    expect(before.firstResponseAt).not.toBeNull();
    await expectApplied(id, before, onMessage(before, { fromAgent: true, isInternal: false }, NOW), async () => {
      expect((await api.postMessage(agent, { ticket: id, body: "More" })).status).toBe(201);
    });
  });

  it.each([false, true])("an internal note made public counts as an agent reply (answered before: %s)", async (answered) => {
    const id = await ticketIn("resolved", agent.id, answered);
    const note = await api.postMessage(agent, { ticket: id, body: "Note", is_internal: true });
    expect(note.status).toBe(201);
    const before = await read(id);
    const patch = (isInternal: boolean) =>
      call(crm.comment.PATCH as Parameters<typeof call>[0], "PATCH", `/api/v1/ticket-comments/${note.json.id}/`, {
        user: agent, body: { is_internal: isInternal }, params: { id: note.json.id },
      });
    await expectApplied(id, before, onNotePublished(before, NOW), async () => {
      const r = await patch(false);
      expect(r.status, JSON.stringify(r.json)).toBe(200);
    });
    // Hiding it again changes nothing: the first response stays.
    const published = await read(id);
    await expectApplied(id, published, {}, async () => {
      expect((await patch(true)).status).toBe(200);
    });
  });
});
