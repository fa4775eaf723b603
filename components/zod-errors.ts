import type { ZodError } from "zod";

/** A zod error in the API's DRF shape: {"field": ["message"], "non_field_errors": [...]}. */
export function zodFieldErrors(err: ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of err.issues) {
    const key = issue.path.length ? String(issue.path[0]) : "non_field_errors";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}
