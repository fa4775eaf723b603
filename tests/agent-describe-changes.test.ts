import { describe, expect, it } from "vitest";
import { describeChanges, type TicketSnapshot } from "@/app/(agent)/agent/tickets/[id]/describe-changes";

/** The collision warning's wording: what changed between the version an agent saw and now. */
const agents = [
  { id: "a", name: "Alex Rivera", email: "alex@x.test" },
  { id: "s", name: "", email: "sam@x.test" },
];
const ticket = (over: Record<string, unknown> = {}) =>
  ({ status: "new", priority: "medium", assigned_to: null, subject: "Paddle", tags: ["gear"], ...over }) as unknown as TicketSnapshot["ticket"];
const msg = (id: string, author: string, body: string, internal = false) =>
  ({ id, author, author_name: author === "a" ? "Alex Rivera" : "Pat", body, is_internal: internal }) as unknown as TicketSnapshot["messages"][number];
const snap = (t: TicketSnapshot["ticket"], etag: string, messages: TicketSnapshot["messages"]): TicketSnapshot => ({ ticket: t, etag, messages });
const seenOf = (s: TicketSnapshot) => ({ view: s, messageIds: new Set(s.messages.map((m) => m.id)) });

describe("describeChanges", () => {
  const base = snap(ticket(), '"x-v1"', [msg("1", "c", "Hello")]);

  it("nothing changed: no lines", () => {
    expect(describeChanges(seenOf(base), base, "s", agents)).toEqual([]);
  });

  it("others' replies and notes first (long ones cut), the agent's own left out, then field changes", () => {
    const now = snap(ticket({ status: "assigned", priority: "urgent", assigned_to: "a", subject: "Paddle!", tags: ["warranty"] }), '"x-v2"', [
      msg("1", "c", "Hello"), msg("2", "a", "x".repeat(100)), msg("3", "a", "Checked stock", true), msg("4", "s", "mine"),
    ]);
    expect(describeChanges(seenOf(base), now, "s", agents)).toEqual([
      `Alex Rivera replied: “${"x".repeat(80)}…”`,
      "Alex Rivera added an internal note: “Checked stock”",
      "Status changed from New to Assigned",
      "Priority changed from Medium to Urgent",
      "Assigned to Alex Rivera (was nobody)",
      "Subject changed to “Paddle!”",
      "Tags added: warranty",
      "Tags removed: gear",
    ]);
  });

  it("a reply that changed no field still counts; a version change nothing explains is named generally", () => {
    const replied = snap(ticket(), '"x-v1"', [msg("1", "c", "Hello"), msg("2", "c", "Any news?")]);
    expect(describeChanges(seenOf(base), replied, "s", agents)).toEqual(["Pat replied: “Any news?”"]);
    const edited = snap(ticket(), '"x-v3"', base.messages);
    expect(describeChanges(seenOf(base), edited, "s", agents)).toEqual(["The ticket's details were changed by someone else."]);
    const reassigned = snap(ticket({ assigned_to: "s" }), '"x-v2"', base.messages);
    expect(describeChanges(seenOf(base), reassigned, "a", agents)).toEqual(["Assigned to sam@x.test (was nobody)"]);
  });
});
