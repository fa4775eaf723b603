import { describe, expect, it } from "vitest";
import { OPEN_STATUSES, STATUSES, type Status } from "./constants";
import {
  applyChange,
  onAgentReply,
  onAssign,
  onCreate,
  onCustomerReply,
  onMessage,
  onNotePublished,
  onStatusChange,
  onUpdate,
  type LifecycleChange,
  type LifecycleState,
} from "./lifecycle";

const T0 = new Date("2026-03-01T09:00:00Z"); // an earlier resolution / close / response
const T1 = new Date("2026-03-02T10:00:00Z"); // "now" in every call
const A = "agent-a";
const B = "agent-b";

function state(over: Partial<LifecycleState> = {}): LifecycleState {
  return { status: "new", assignedToId: null, resolvedAt: null, closedAt: null, firstResponseAt: null, ...over };
}
/** The timestamps a ticket really has in each status (for states read back from the database). */
function settled(status: Status, over: Partial<LifecycleState> = {}): LifecycleState {
  return state({
    status,
    resolvedAt: status === "resolved" || status === "closed" ? T0 : null,
    closedAt: status === "closed" ? T0 : null,
    ...over,
  });
}

describe("onCreate", () => {
  it.each<[string, { status?: Status; assignedToId: string | null }, Status, Date | null, Date | null]>([
    ["no status, no assignee", { assignedToId: null }, "new", null, null],
    ["no status, assignee", { assignedToId: A }, "assigned", null, null],
    ["explicit status wins over the assignee", { status: "new", assignedToId: A }, "new", null, null],
    ["explicit pending", { status: "pending", assignedToId: null }, "pending", null, null],
    ["explicit in_progress", { status: "in_progress", assignedToId: A }, "in_progress", null, null],
    ["created resolved", { status: "resolved", assignedToId: null }, "resolved", T1, null],
    ["created closed", { status: "closed", assignedToId: A }, "closed", T1, T1],
  ])("%s", (_name, input, status, resolvedAt, closedAt) => {
    expect(onCreate(input, T1)).toEqual({ status, resolvedAt, closedAt, reason: "created" });
  });
});

describe("onStatusChange: every from × to", () => {
  const expected = (from: Status, to: Status): LifecycleChange => {
    if (from === to) return {};
    const cur = settled(from);
    if (to === "resolved") return { status: to, resolvedAt: cur.resolvedAt ?? T1, closedAt: null, reason: "status_set" };
    if (to === "closed") return { status: to, resolvedAt: cur.resolvedAt ?? T1, closedAt: cur.closedAt ?? T1, reason: "status_set" };
    return { status: to, resolvedAt: null, closedAt: null, reason: "status_set" };
  };
  const pairs = STATUSES.flatMap((from) => STATUSES.map((to) => [from, to] as const));
  it.each(pairs)("%s → %s", (from, to) => {
    expect(onStatusChange(settled(from), to, T1)).toEqual(expected(from, to));
  });

  // The same rules spelled out for the transitions people ask about.
  it.each<[string, LifecycleState, Status, LifecycleChange]>([
    ["resolving an open ticket stamps resolved_at now", settled("in_progress"), "resolved",
      { status: "resolved", resolvedAt: T1, closedAt: null, reason: "status_set" }],
    ["closing an open ticket stamps both now", settled("pending"), "closed",
      { status: "closed", resolvedAt: T1, closedAt: T1, reason: "status_set" }],
    ["closing a resolved ticket keeps its resolution time", settled("resolved"), "closed",
      { status: "closed", resolvedAt: T0, closedAt: T1, reason: "status_set" }],
    ["closed → resolved keeps resolved_at and clears closed_at", settled("closed"), "resolved",
      { status: "resolved", resolvedAt: T0, closedAt: null, reason: "status_set" }],
    ["reopening a closed ticket clears both", settled("closed"), "in_progress",
      { status: "in_progress", resolvedAt: null, closedAt: null, reason: "status_set" }],
    ["a stale closed_at on a resolved ticket is kept when it is closed", state({ status: "resolved", resolvedAt: T0, closedAt: T0 }), "closed",
      { status: "closed", resolvedAt: T0, closedAt: T0, reason: "status_set" }],
  ])("%s", (_name, cur, to, change) => {
    expect(onStatusChange(cur, to, T1)).toEqual(change);
  });

  it("passes a given reason through", () => {
    expect(onStatusChange(settled("new"), "assigned", T1, "assigned").reason).toBe("assigned");
  });
});

describe("onAssign", () => {
  it.each<[string, LifecycleState, string | null, LifecycleChange]>([
    ["assigning a new ticket moves it to assigned", settled("new"), A,
      { assignedToId: A, status: "assigned", resolvedAt: null, closedAt: null, reason: "assigned" }],
    ["unassigning an assigned ticket puts it back to new", settled("assigned", { assignedToId: A }), null,
      { assignedToId: null, status: "new", resolvedAt: null, closedAt: null, reason: "unassigned" }],
    ["reassigning an assigned ticket keeps assigned", settled("assigned", { assignedToId: A }), B,
      { assignedToId: B, reason: "assigned" }],
    ["reassigning a new ticket that already had an assignee still moves it", settled("new", { assignedToId: A }), B,
      { assignedToId: B, status: "assigned", resolvedAt: null, closedAt: null, reason: "assigned" }],
    ["assigning work in progress leaves the status", settled("in_progress"), A, { assignedToId: A, reason: "assigned" }],
    ["assigning a pending ticket leaves the status", settled("pending", { assignedToId: B }), A, { assignedToId: A, reason: "assigned" }],
    ["assigning a resolved ticket leaves it resolved", settled("resolved"), A, { assignedToId: A, reason: "assigned" }],
    ["assigning a closed ticket leaves it closed", settled("closed", { assignedToId: B }), A, { assignedToId: A, reason: "assigned" }],
    ["unassigning work in progress leaves the status", settled("in_progress", { assignedToId: A }), null,
      { assignedToId: null, reason: "unassigned" }],
    ["unassigning a new ticket leaves it new", settled("new", { assignedToId: A }), null, { assignedToId: null, reason: "unassigned" }],
    ["unassigning a closed ticket leaves it closed", settled("closed", { assignedToId: A }), null, { assignedToId: null, reason: "unassigned" }],
    ["the same assignee again is no change", settled("new", { assignedToId: A }), A, {}],
    ["unassigning an unassigned ticket is no change", settled("assigned"), null, {}],
  ])("%s", (_name, cur, to, change) => {
    expect(onAssign(cur, to, T1)).toEqual(change);
  });
});

describe("onUpdate (assignment and status in one request)", () => {
  it.each<[string, LifecycleState, { assignedToId?: string | null; status?: Status }, LifecycleChange]>([
    ["empty request", settled("new"), {}, {}],
    ["same values", settled("assigned", { assignedToId: A }), { assignedToId: A, status: "assigned" }, {}],
    ["assignment alone implies the status", settled("new"), { assignedToId: A },
      { assignedToId: A, status: "assigned", resolvedAt: null, closedAt: null, reason: "assigned" }],
    ["unassignment alone implies the status", settled("assigned", { assignedToId: A }), { assignedToId: null },
      { assignedToId: null, status: "new", resolvedAt: null, closedAt: null, reason: "unassigned" }],
    ["an explicit status wins over the implied one", settled("new"), { assignedToId: A, status: "in_progress" },
      { assignedToId: A, status: "in_progress", resolvedAt: null, closedAt: null, reason: "status_set" }],
    ["an explicit status equal to the current one keeps it (no implied move)", settled("new"), { assignedToId: A, status: "new" },
      { assignedToId: A, reason: "assigned" }],
    ["assign and resolve at once", settled("new"), { assignedToId: A, status: "resolved" },
      { assignedToId: A, status: "resolved", resolvedAt: T1, closedAt: null, reason: "status_set" }],
    ["unassign and close at once", settled("assigned", { assignedToId: A }), { assignedToId: null, status: "closed" },
      { assignedToId: null, status: "closed", resolvedAt: T1, closedAt: T1, reason: "status_set" }],
    ["status alone", settled("resolved", { assignedToId: A }), { status: "closed" },
      { status: "closed", resolvedAt: T0, closedAt: T1, reason: "status_set" }],
    ["same assignee with a new status", settled("assigned", { assignedToId: A }), { assignedToId: A, status: "pending" },
      { status: "pending", resolvedAt: null, closedAt: null, reason: "status_set" }],
    ["reassigning leaves a non-new status alone", settled("pending", { assignedToId: A }), { assignedToId: B },
      { assignedToId: B, reason: "assigned" }],
  ])("%s", (_name, cur, request, change) => {
    expect(onUpdate(cur, request, T1)).toEqual(change);
  });
});

describe("onCustomerReply", () => {
  it.each<[Status, string | null, LifecycleChange]>([
    ["resolved", null, { status: "new", resolvedAt: null, closedAt: null, reason: "customer_reply" }],
    ["closed", null, { status: "new", resolvedAt: null, closedAt: null, reason: "customer_reply" }],
    ["resolved", A, { status: "in_progress", resolvedAt: null, closedAt: null, reason: "customer_reply" }],
    ["closed", A, { status: "in_progress", resolvedAt: null, closedAt: null, reason: "customer_reply" }],
    ...OPEN_STATUSES.flatMap((s) => [[s, null, {}], [s, A, {}]] as [Status, string | null, LifecycleChange][]),
  ])("%s ticket, assignee %s", (status, assignedToId, change) => {
    expect(onCustomerReply(settled(status, { assignedToId }))).toEqual(change);
  });
});

describe("onAgentReply / onNotePublished", () => {
  it.each<[string, Date | null, LifecycleChange]>([
    ["the first public reply is the first response", null, { firstResponseAt: T1, reason: "agent_reply" }],
    ["a later reply leaves the first response alone", T0, {}],
  ])("%s", (_name, firstResponseAt, change) => {
    expect(onAgentReply({ firstResponseAt }, T1)).toEqual(change);
    expect(onNotePublished({ firstResponseAt }, T1)).toEqual(change);
  });

  it.each(STATUSES)("never changes the status of a %s ticket", (status) => {
    expect(onAgentReply(settled(status), T1).status).toBeUndefined();
  });
});

describe("onMessage", () => {
  const fresh = settled("closed", { assignedToId: A });
  it.each<[string, { fromAgent: boolean; isInternal: boolean }, LifecycleState, LifecycleChange]>([
    ["an internal note changes nothing, even the first response", { fromAgent: true, isInternal: true }, fresh, {}],
    ["an internal note on a closed ticket does not reopen it", { fromAgent: true, isInternal: true }, settled("closed"), {}],
    ["an agent reply sets the first response and keeps the status", { fromAgent: true, isInternal: false }, fresh,
      { firstResponseAt: T1, reason: "agent_reply" }],
    ["an agent reply does not reopen", { fromAgent: true, isInternal: false }, settled("resolved", { firstResponseAt: T0 }), {}],
    ["a customer reply reopens to the assignee", { fromAgent: false, isInternal: false }, fresh,
      { status: "in_progress", resolvedAt: null, closedAt: null, reason: "customer_reply" }],
    ["a customer reply never sets the first response", { fromAgent: false, isInternal: false }, settled("new"), {}],
  ])("%s", (_name, message, cur, change) => {
    expect(onMessage(cur, message, T1)).toEqual(change);
  });
});

describe("sequences", () => {
  it("create → assign → agent reply → resolve → customer reply → close", () => {
    let s: LifecycleState = { ...state(), ...onCreate({ assignedToId: null }, T0) };
    s = applyChange(s, onAssign(s, A, T0));
    expect(s).toMatchObject({ status: "assigned", assignedToId: A });
    s = applyChange(s, onMessage(s, { fromAgent: true, isInternal: false }, T0));
    expect(s.firstResponseAt).toEqual(T0);
    s = applyChange(s, onStatusChange(s, "resolved", T0));
    expect(s).toMatchObject({ status: "resolved", resolvedAt: T0, closedAt: null });
    s = applyChange(s, onMessage(s, { fromAgent: false, isInternal: false }, T1));
    expect(s).toMatchObject({ status: "in_progress", resolvedAt: null, closedAt: null, firstResponseAt: T0 });
    s = applyChange(s, onStatusChange(s, "closed", T1));
    expect(s).toEqual({ status: "closed", assignedToId: A, resolvedAt: T1, closedAt: T1, firstResponseAt: T0 });
    expect(s).not.toHaveProperty("reason");
  });
});
