import { z } from "zod";

/**
 * DRF's wording for type errors, installed as zod's global error map (schema-level messages
 * still win). Here the issue carries the input, so "missing" and "wrong type" differ.
 */
const NAMES: Record<string, string> = {
  string: "a valid string",
  number: "a valid number",
  int: "a valid integer",
  boolean: "a valid boolean",
  array: "a list",
  object: "a dictionary",
};

function describe(input: unknown): string {
  if (Array.isArray(input)) return "list";
  if (input === null) return "null";
  return typeof input === "object" ? "dict" : typeof input;
}

z.config({
  customError: (iss) => {
    if (iss.code !== "invalid_type") return undefined;
    if (iss.input === undefined) return "This field is required.";
    if (iss.input === null) return "This field may not be null.";
    if (!iss.path?.length && iss.expected === "object") {
      return `Invalid data. Expected a dictionary, but got ${describe(iss.input)}.`;
    }
    const expected = NAMES[iss.expected as string];
    return expected ? `Expected ${expected}, got ${describe(iss.input)}.` : undefined;
  },
});
