import { describe, expect, it } from "vitest";
import type { Actor } from "./actor";
import { PermissionDeniedError } from "./errors";
import { ACTIONS, assertCan, can, isAdmin, isAgent, ticketCapabilities, type Action, type Subject, type TicketSubject } from "./policy";

const ME = "00000000-0000-4000-8000-000000000001";
const OTHER = "00000000-0000-4000-8000-000000000002";

function actor(role: Actor["role"], over: Partial<Actor> = {}): Actor {
  return { id: ME, email: "me@example.test", name: "Me", role, isStaff: false, permissions: [], teamId: null, ...over };
}

/** Columns of every expectation row, in this order. */
const ROLES = {
  customer: actor("customer"),
  customer_service: actor("customer_service"),
  sales_manager: actor("sales_manager"),
  admin: actor("admin"),
  super_admin: actor("super_admin"),
  staff_customer: actor("customer", { isStaff: true }),
  view_ticket_customer: actor("customer", { permissions: ["support.view_ticket"] }),
} as const;
type RoleName = keyof typeof ROLES;
const ROLE_NAMES = Object.keys(ROLES) as RoleName[];

const T = true;
const F = false;
type Expect = [boolean, boolean, boolean, boolean, boolean, boolean, boolean];

const unassigned: TicketSubject = { assignedToId: null, userId: OTHER, contactUserId: null };
const mine: TicketSubject = { assignedToId: ME, userId: OTHER, contactUserId: null };
const theirs: TicketSubject = { assignedToId: OTHER, userId: OTHER, contactUserId: null };
const requested: TicketSubject = { assignedToId: null, userId: ME, contactUserId: null };
const viaContact: TicketSubject = { assignedToId: OTHER, userId: null, contactUserId: ME };

const S = {
  none: {},
  unassigned: { ticket: unassigned },
  "assigned to me": { ticket: mine },
  "assigned to another": { ticket: theirs },
  "my own request": { ticket: requested },
  "my contact's ticket": { ticket: viaContact },
  "unassigned → me": { ticket: unassigned, assignTo: ME },
  "unassigned → another": { ticket: unassigned, assignTo: OTHER },
  "another's → me": { ticket: theirs, assignTo: ME },
  "another's → a third": { ticket: theirs, assignTo: "00000000-0000-4000-8000-000000000003" },
  "another's → unassigned": { ticket: theirs, assignTo: null },
  "mine → another": { ticket: mine, assignTo: OTHER },
  "mine → unassigned": { ticket: mine, assignTo: null },
  "my own request → me": { ticket: requested, assignTo: ME },
  "no ticket → me": { assignTo: ME },
  "owned by me": { ownerId: ME },
  "owned by another": { ownerId: OTHER },
  "no owner": { ownerId: null },
  "my personal macro": { macro: { ownerId: ME, shared: false } },
  "another's personal macro": { macro: { ownerId: OTHER, shared: false } },
  "my shared macro": { macro: { ownerId: ME, shared: true } },
  "another's shared macro": { macro: { ownerId: OTHER, shared: true } },
  "ownerless shared macro": { macro: { ownerId: null, shared: true } },
  "my personal view": { view: { ownerId: ME, teamId: null } },
  "another's personal view": { view: { ownerId: OTHER, teamId: null } },
  "my shared view": { view: { ownerId: ME, teamId: OTHER } },
  "another's shared view": { view: { ownerId: OTHER, teamId: OTHER } },
  "grant agent": { role: "customer_service" },
  "grant admin": { role: "admin" },
  "grant super_admin": { role: "super_admin" },
} satisfies Record<string, Subject>;
type SubjectName = keyof typeof S;

const AGENT_ONLY: [SubjectName, Expect][] = [
  //                      cust cs sales admin super staff perm
  ["none", /*          */ [F, T, T, T, T, T, T]],
  ["my own request", /**/ [F, T, T, T, T, T, T]],
];
const PARTICIPANT_OR_AGENT: [SubjectName, Expect][] = [
  ["none", /*               */ [F, T, T, T, T, T, T]],
  ["unassigned", /*         */ [F, T, T, T, T, T, T]],
  ["my own request", /*     */ [T, T, T, T, T, T, T]],
  ["my contact's ticket", /**/ [T, T, T, T, T, T, T]],
];
const OWNER_OR_ADMIN: [SubjectName, Expect][] = [
  ["owned by me", /*     */ [T, T, T, T, T, T, T]],
  ["owned by another", /**/ [F, F, F, T, T, F, F]],
  ["no owner", /*        */ [F, F, F, T, T, F, F]],
  ["none", /*            */ [F, F, F, T, T, F, F]],
];

/** The whole policy: every action, the subjects that matter to it, every role. */
const MATRIX: Record<Action, [SubjectName, Expect][]> = {
  "queue:view": AGENT_ONLY,
  "agent:list": AGENT_ONLY,
  "preferences:manage": AGENT_ONLY,
  "ticket:create": [["none", [T, T, T, T, T, T, T]]],
  "ticket:set-agent-fields": AGENT_ONLY,
  "company:set": AGENT_ONLY,
  "ticket:view": PARTICIPANT_OR_AGENT,
  "ticket:view-all": AGENT_ONLY,
  "ticket:read-internal": [...AGENT_ONLY, ["my contact's ticket", [F, T, T, T, T, T, T]]],
  "ticket:update": [...AGENT_ONLY, ["assigned to another", [F, T, T, T, T, T, T]]],
  "ticket:change-status": [
    //                           cust cs sales admin super staff perm
    ["none", /*               */ [F, F, F, T, T, F, F]],
    ["unassigned", /*         */ [F, F, F, T, T, F, F]],
    ["assigned to me", /*     */ [F, T, T, T, T, T, T]],
    ["assigned to another", /**/ [F, F, F, T, T, F, F]],
    ["my own request", /*     */ [F, F, F, T, T, F, F]],
  ],
  "ticket:assign": [
    ["unassigned → me", /*        */ [F, T, T, T, T, T, T]],
    ["unassigned → another", /*   */ [F, F, F, T, T, F, F]],
    ["another's → me", /*         */ [F, F, F, T, T, F, F]],
    ["another's → a third", /*    */ [F, F, F, T, T, F, F]],
    ["another's → unassigned", /* */ [F, F, F, T, T, F, F]],
    ["mine → another", /*         */ [F, T, T, T, T, T, T]],
    ["mine → unassigned", /*      */ [F, T, T, T, T, T, T]],
    ["my own request → me", /*    */ [F, T, T, T, T, T, T]],
    ["no ticket → me", /*         */ [F, T, T, T, T, T, T]],
    ["assigned to me", /*         */ [F, T, T, T, T, T, T]],
    ["unassigned", /*             */ [F, F, F, T, T, F, F]],
  ],
  "ticket:delete": [
    ["none", /*               */ [F, F, F, T, T, F, F]],
    ["assigned to me", /*     */ [F, F, F, T, T, F, F]],
    ["my own request", /*     */ [F, F, F, T, T, F, F]],
  ],
  "ticket:merge": [...AGENT_ONLY, ["my contact's ticket", [F, T, T, T, T, T, T]]],
  "message:post": PARTICIPANT_OR_AGENT,
  "message:post-internal": [...AGENT_ONLY, ["my contact's ticket", [F, T, T, T, T, T, T]]],
  "message:edit": OWNER_OR_ADMIN,
  "message:delete": OWNER_OR_ADMIN,
  "attachment:add": PARTICIPANT_OR_AGENT,
  "attachment:delete": OWNER_OR_ADMIN,
  "macro:use": AGENT_ONLY,
  "macro:view": [
    //                               cust cs sales admin super staff perm
    ["my personal macro", /*      */ [F, T, T, T, T, T, T]],
    ["another's personal macro", /**/ [F, F, F, F, F, F, F]],
    ["my shared macro", /*        */ [F, T, T, T, T, T, T]],
    ["another's shared macro", /* */ [F, T, T, T, T, T, T]],
    ["none", /*                   */ [F, F, F, F, F, F, F]],
  ],
  "macro:edit": [
    ["my personal macro", /*      */ [F, T, T, T, T, T, T]],
    ["another's personal macro", /**/ [F, F, F, F, F, F, F]],
    ["my shared macro", /*        */ [F, T, T, T, T, T, T]],
    ["another's shared macro", /* */ [F, F, F, T, T, F, F]],
    ["ownerless shared macro", /* */ [F, F, F, T, T, F, F]],
    ["none", /*                   */ [F, F, F, F, F, F, F]],
  ],
  "saved-view:use": AGENT_ONLY,
  "saved-view:edit": [
    //                              cust cs sales admin super staff perm
    ["my personal view", /*      */ [F, T, T, T, T, T, T]],
    ["another's personal view", /**/ [F, F, F, F, F, F, F]],
    ["my shared view", /*        */ [F, T, T, T, T, T, T]],
    ["another's shared view", /* */ [F, F, F, T, T, F, F]],
    ["none", /*                  */ [F, F, F, F, F, F, F]],
  ],
  "sla-policy:read": AGENT_ONLY,
  "sla-policy:manage": [["none", /*               */ [F, F, F, T, T, F, F]]],
  // The admin area, user management and the audit log: the two admin roles, never staff
  // flags or permissions alone.
  "admin:access": [["none", /*                    */ [F, F, F, T, T, F, F]]],
  "user:manage": [["none", /*                     */ [F, F, F, T, T, F, F]]],
  "audit-log:read": [["none", /*                  */ [F, F, F, T, T, F, F]]],
  "invitation:manage": [["none", /*               */ [F, F, F, T, T, F, F]]],
  "team:manage": [["none", /*                     */ [F, F, F, T, T, F, F]]],
  "company:manage": [["none", /*                  */ [F, F, F, T, T, F, F]]],
  "role:grant": [
    ["grant agent", /*                */ [F, F, F, T, T, F, F]],
    ["grant admin", /*                */ [F, F, F, T, T, F, F]],
    ["grant super_admin", /*          */ [F, F, F, F, T, F, F]],
  ],
  "api-token:manage-own": [["none", [T, T, T, T, T, T, T]]],
  "api-token:manage-any": [["none", /*     */ [F, F, F, T, T, F, F]]],
  "settings:manage": [["none", /*          */ [F, F, F, T, T, F, F]]],
};

describe("policy matrix", () => {
  it("has rows for every action and no others", () => {
    expect(Object.keys(MATRIX).sort()).toEqual([...ACTIONS].sort());
    for (const a of ACTIONS) expect(MATRIX[a].length, a).toBeGreaterThan(0);
    expect(new Set(ACTIONS).size).toBe(ACTIONS.length);
  });

  const rows = ACTIONS.flatMap((action) =>
    MATRIX[action].flatMap(([subject, expected]) =>
      ROLE_NAMES.map((role, i) => ({ action, subject, role, expected: expected[i] })),
    ),
  );
  it.each(rows)("$role $action ($subject) → $expected", ({ action, subject, role, expected }) => {
    const a = ROLES[role];
    expect(can(a, action, S[subject])).toBe(expected);
    if (expected) expect(() => assertCan(a, action, S[subject])).not.toThrow();
    else expect(() => assertCan(a, action, S[subject])).toThrow(PermissionDeniedError);
  });
});

describe("isAgent / isAdmin", () => {
  it.each<[RoleName, boolean, boolean]>([
    ["customer", F, F],
    ["customer_service", T, F],
    ["sales_manager", T, F],
    ["admin", T, T],
    ["super_admin", T, T],
    ["staff_customer", T, F],
    ["view_ticket_customer", T, F],
  ])("%s: agent %s, admin %s", (role, agent, admin) => {
    expect(isAgent(ROLES[role])).toBe(agent);
    expect(isAdmin(ROLES[role])).toBe(admin);
  });
});

describe("assertCan", () => {
  it("throws a 403 with the given message, or the default one", () => {
    const c = ROLES.customer;
    expect(() => assertCan(c, "ticket:delete", {}, "Only admins can delete tickets.")).toThrow(
      new PermissionDeniedError("Only admins can delete tickets."),
    );
    const err = (() => {
      try {
        assertCan(c, "ticket:delete");
      } catch (e) {
        return e as PermissionDeniedError;
      }
    })();
    expect(err).toBeInstanceOf(PermissionDeniedError);
    expect(err?.status).toBe(403);
    expect(err?.message).toBe("You do not have permission to perform this action.");
  });
});

describe("ticketCapabilities", () => {
  type Flags = [view: boolean, internal: boolean, update: boolean, status: boolean, assign: boolean, reassign: boolean, self: boolean, del: boolean, post: boolean, note: boolean, attach: boolean];
  const flags = (f: Flags) => ({
    canView: f[0], canReadInternal: f[1], canUpdate: f[2], canChangeStatus: f[3], canAssign: f[4], canReassign: f[5],
    canAssignToSelf: f[6], canDelete: f[7], canPost: f[8], canPostInternal: f[9], canAddAttachment: f[10],
  });
  it.each<[RoleName, string, TicketSubject, Flags]>([
    //                                               view int upd stat asgn re  self del post note att
    ["customer", "their own request", requested, /*   */ [T, F, F, F, F, F, F, F, T, F, T]],
    ["customer", "someone else's ticket", unassigned, /**/ [F, F, F, F, F, F, F, F, F, F, F]],
    ["customer_service", "unassigned", unassigned, /* */ [T, T, T, F, T, F, T, F, T, T, T]],
    ["customer_service", "assigned to them", mine, /* */ [T, T, T, T, T, T, F, F, T, T, T]],
    ["customer_service", "assigned to another", theirs, [T, T, T, F, F, F, F, F, T, T, T]],
    ["staff_customer", "unassigned", unassigned, /*   */ [T, T, T, F, T, F, T, F, T, T, T]],
    ["admin", "unassigned", unassigned, /*            */ [T, T, T, T, T, T, T, T, T, T, T]],
    ["admin", "assigned to them", mine, /*            */ [T, T, T, T, T, T, F, T, T, T, T]],
    ["super_admin", "assigned to another", theirs, /* */ [T, T, T, T, T, T, T, T, T, T, T]],
  ])("%s on %s", (role, _name, ticket, expected) => {
    expect(ticketCapabilities(ROLES[role], ticket)).toEqual(flags(expected));
  });

  // The agent ticket page used to derive its controls in the browser; the flags must keep
  // exactly what it showed, for every agent and every assignee.
  it.each(ROLE_NAMES.filter((r) => isAgent(ROLES[r])))("keeps the agent page's controls for %s", (role) => {
    const a = ROLES[role];
    for (const ticket of [unassigned, mine, theirs]) {
      const mineOrAdmin = isAdmin(a) || ticket.assignedToId === a.id;
      const pickerEnabled = mineOrAdmin || !ticket.assignedToId;
      const c = ticketCapabilities(a, ticket);
      expect(c.canChangeStatus).toBe(mineOrAdmin);
      expect(c.canAssign).toBe(pickerEnabled);
      expect(c.canAssignToSelf).toBe(ticket.assignedToId !== a.id && pickerEnabled);
    }
  });
});
