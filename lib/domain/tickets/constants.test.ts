import { describe, expect, it } from "vitest";
import { Priority as PrismaPriority, TicketStatus } from "@/lib/db/generated/enums";
import { isTerminal, OPEN_STATUSES, PRIORITIES, PRIORITY_RANK, STATUSES, TERMINAL_STATUSES } from "./constants";

describe("ticket constants", () => {
  it("mirror the database enums, in order", () => {
    expect([...STATUSES]).toEqual(Object.values(TicketStatus));
    expect([...PRIORITIES]).toEqual(Object.values(PrismaPriority));
  });

  it("split every status into exactly one of open and terminal", () => {
    for (const s of STATUSES) {
      expect((OPEN_STATUSES as readonly string[]).includes(s)).toBe(!isTerminal(s));
    }
    expect(OPEN_STATUSES.length + TERMINAL_STATUSES.length).toBe(STATUSES.length);
  });

  it("rank priorities by severity, one distinct rank each", () => {
    expect(PRIORITIES.map((p) => PRIORITY_RANK[p])).toEqual([1, 2, 3, 4]);
  });
});
