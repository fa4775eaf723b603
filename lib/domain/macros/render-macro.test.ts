import { describe, expect, it } from "vitest";
import { renderMacro, unknownPlaceholders, type MacroContext } from "./render-macro";

const ctx: MacroContext = {
  customer: { name: "Dana  Whitfield", email: "dana@example.test" },
  ticket: { number: "T-20261204-0001", subject: "Refund", status: "in_progress", priority: "high" },
  agent: { name: "Sam Ortega", email: "sam@caseflow.test" },
};

describe("renderMacro", () => {
  it.each([
    ["Hi {{customer.first_name}},", "Hi Dana,"],
    ["{{ customer.name }} <{{customer.email}}>", "Dana  Whitfield <dana@example.test>"],
    ["About {{ticket.number}} ({{ticket.subject}}): {{ticket.status}}, {{ticket.priority}}", "About T-20261204-0001 (Refund): in progress, high"],
    ["-- {{agent.name}} / {{agent.first_name}} / {{agent.email}}", "-- Sam Ortega / Sam / sam@caseflow.test"],
    ["{{Customer.Name}}", "Dana  Whitfield"],
    ["{{nope.field}} stays", "{{nope.field}} stays"],
    ["no placeholders", "no placeholders"],
  ])("%s", (body, out) => {
    expect(renderMacro(body, ctx)).toBe(out);
  });

  it("falls back to the email when there is no name, and to nothing without a customer", () => {
    expect(renderMacro("Hi {{customer.first_name}}", { ...ctx, customer: { name: "", email: "x@y.test" } })).toBe("Hi x@y.test");
    expect(renderMacro("Hi {{customer.name}}!", { ...ctx, customer: null })).toBe("Hi !");
    expect(renderMacro("{{agent.first_name}}", { ...ctx, agent: { name: " ", email: "a@b.test" } })).toBe("a@b.test");
  });

  it("lists unknown placeholders once each", () => {
    expect(unknownPlaceholders("{{customer.nam}} {{ticket.number}} {{customer.nam}} {{x}}")).toEqual(["customer.nam", "x"]);
    expect(unknownPlaceholders("{{ agent.email }}")).toEqual([]);
  });
});
