/**
 * The one mapping from an API error to what a form shows. The API answers in Django REST
 * Framework's shapes: 400 {"field": ["message"], "non_field_errors": [...]}, everything else
 * {"detail": "message"}. Browser calls (lib/api-client/client.ts) and the portal's new-ticket
 * server action both end here, so a field error looks the same wherever it comes from.
 * Browser-safe: imports nothing.
 */
export type FieldErrors = Record<string, string[]>;

export const STALE_MESSAGE =
  "Someone else changed this ticket after you opened it, so your change was not saved. Their changes are shown now; make your change again if it is still needed.";
export const NETWORK_MESSAGE = "Could not reach the server. Check your connection and try again.";

/** Field name → messages for a failed response (status 0: the request never got an answer). */
export function formErrors(status: number, body: unknown): FieldErrors {
  if (status === 0) return { non_field_errors: [NETWORK_MESSAGE] };
  // A refused conditional update: the server's wording is for API clients, this one for people.
  if (status === 412) return { non_field_errors: [STALE_MESSAGE] };
  const obj = body && typeof body === "object" && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
  if (typeof obj.detail === "string") {
    // Size and type refusals are about the uploaded files: shown beside the file picker.
    const field = status === 413 || status === 415 ? "files" : "non_field_errors";
    return { [field]: [obj.detail] };
  }
  const out: FieldErrors = {};
  for (const [k, v] of Object.entries(obj)) out[k] = Array.isArray(v) ? v.map(String) : [String(v)];
  return Object.keys(out).length ? out : { non_field_errors: [`Request failed (${status}).`] };
}

/** A failed API call: its status and its messages by field. */
export class ApiError extends Error {
  readonly fields: FieldErrors;
  constructor(
    readonly status: number,
    body: unknown,
  ) {
    const fields = formErrors(status, body);
    super(Object.values(fields).flat()[0] ?? `Request failed (${status}).`);
    this.name = "ApiError";
    this.fields = fields;
  }
  /** A field's messages as one string, or undefined. */
  field(name: string): string | undefined {
    return this.fields[name]?.join(" ");
  }
  /** An error for a form's own checks before anything is sent, shown like the API's. */
  static fromFields(fields: FieldErrors): ApiError {
    return new ApiError(400, fields);
  }
}

/** Anything a call threw, as an ApiError (unexpected failures get a generic message). */
export function asApiError(e: unknown): ApiError {
  return e instanceof ApiError ? e : new ApiError(500, { detail: "Something went wrong. Try again." });
}
