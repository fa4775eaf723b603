/**
 * The HTTP-level parts of the OpenAPI document that every operation shares: DRF error bodies,
 * the error responses, and the request/response headers of idempotent POSTs, conditional
 * updates and rate limiting. Operations refer to these by $ref, so generated clients get one
 * type per error shape instead of a copy per operation.
 */
type Json = Record<string, unknown>;

const ERROR = { $ref: "#/components/schemas/Error" };
const VALIDATION = { $ref: "#/components/schemas/ValidationError" };

export const errorSchemas: Record<string, Json> = {
  Error: {
    type: "object",
    description: 'Every error other than a validation error: DRF\'s {"detail": "message"}.',
    properties: { detail: { type: "string" } },
    required: ["detail"],
  },
  ValidationError: {
    type: "object",
    description:
      'A DRF validation error: each invalid field name maps to its messages; "non_field_errors" holds messages about the body as a whole.',
    properties: { non_field_errors: { type: "array", items: { type: "string" } } },
    additionalProperties: { type: "array", items: { type: "string" } },
  },
};

const header = (description: string, schema: Json = { type: "string" }): Json => ({ description, schema });
const ref = (kind: "headers" | "parameters" | "responses", name: string) => ({ $ref: `#/components/${kind}/${name}` });

export const headers: Record<string, Json> = {
  ETag: header("Version tag of the ticket. Send it back in If-Match to update only the version you have seen."),
  LastModified: header("When the ticket last changed (HTTP date). Send it back in If-Unmodified-Since to update only that version."),
  Location: header("URL of the created resource."),
  RateLimitLimit: header("Requests allowed in the current rate-limit window.", { type: "integer" }),
  RateLimitRemaining: header("Requests left in the current rate-limit window.", { type: "integer" }),
  RateLimitReset: header("Seconds until the current rate-limit window resets.", { type: "integer" }),
  RetryAfter: header("Seconds to wait before trying again.", { type: "integer" }),
  IdempotentReplayed: header(
    '"true" when this response is the stored response of an earlier request with the same Idempotency-Key, replayed instead of running the request again.',
    { type: "string", enum: ["true"] },
  ),
};

/** Headers on every response (the rate limiter counts every request). */
export const rateLimitHeaders: Json = {
  "RateLimit-Limit": ref("headers", "RateLimitLimit"),
  "RateLimit-Remaining": ref("headers", "RateLimitRemaining"),
  "RateLimit-Reset": ref("headers", "RateLimitReset"),
};

export const responseHeader: Record<"ETag" | "Last-Modified" | "Location" | "Idempotent-Replayed", Json> = {
  ETag: ref("headers", "ETag"),
  "Last-Modified": ref("headers", "LastModified"),
  Location: ref("headers", "Location"),
  "Idempotent-Replayed": ref("headers", "IdempotentReplayed"),
};

export const parameters: Record<string, Json> = {
  IdempotencyKey: {
    name: "Idempotency-Key",
    in: "header",
    required: false,
    description:
      "A client-chosen unique key (e.g. a UUID) that makes retrying this POST safe. The same key from the same user with the same body within 24 hours replays the first response (with `Idempotent-Replayed: true`) instead of acting twice; the same key with a different body is 422; a retry while the first request is still running is 409.",
    schema: { type: "string", minLength: 1, maxLength: 255 },
  },
  IfMatch: {
    name: "If-Match",
    in: "header",
    required: false,
    description: "The ETag of the version being edited. If the ticket has changed since, nothing is saved and the answer is 412.",
    schema: { type: "string" },
  },
  IfUnmodifiedSince: {
    name: "If-Unmodified-Since",
    in: "header",
    required: false,
    description: "An HTTP date (e.g. the Last-Modified received). If the ticket has changed after it, nothing is saved and the answer is 412.",
    schema: { type: "string" },
  },
  Id: {
    name: "id",
    in: "path",
    required: true,
    description: "A UUID. Anything else, or an object outside the caller's scope, is 404.",
    schema: { type: "string", format: "uuid" },
  },
};

export const requestHeader = {
  "Idempotency-Key": ref("parameters", "IdempotencyKey"),
  "If-Match": ref("parameters", "IfMatch"),
  "If-Unmodified-Since": ref("parameters", "IfUnmodifiedSince"),
} as const;
export type ConditionalHeader = "If-Match" | "If-Unmodified-Since";

const errorResponse = (description: string, schema: Json = ERROR, extra: Json = {}): Json => ({
  description,
  headers: { ...extra, ...rateLimitHeaders },
  content: { "application/json": { schema } },
});

/** Error responses by status, as components/responses. */
export const errorResponses: Record<number, [string, Json]> = {
  400: ["BadRequest", errorResponse('Invalid input: {"field": ["message"], "non_field_errors": ["message"]}.', VALIDATION)],
  401: ["Unauthorized", errorResponse("No valid credentials: send `Authorization: Bearer <access token>` or a session cookie.")],
  403: ["Forbidden", errorResponse("Authenticated, but not allowed to do this.")],
  404: ["NotFound", errorResponse("No such object, or it is outside the caller's scope.")],
  409: ["Conflict", errorResponse("A concurrent request conflicted with this one (e.g. a retry with the same Idempotency-Key while the first is still running). Try again.")],
  412: ["PreconditionFailed", errorResponse("The ticket changed since the version named in If-Match / If-Unmodified-Since; nothing was saved.")],
  413: ["PayloadTooLarge", errorResponse("The request body or an uploaded file is larger than allowed.")],
  415: ["UnsupportedMediaType", errorResponse("The request's Content-Type is not accepted here.")],
  422: ["UnprocessableEntity", errorResponse("The Idempotency-Key was already used with a different request body.")],
  429: ["TooManyRequests", errorResponse("Rate limit exceeded (or too many failed sign-ins).", ERROR, { "Retry-After": ref("headers", "RetryAfter") })],
};

export function errorResponseRef(status: number): Json {
  return ref("responses", errorResponses[status][0]);
}

export function responseComponents(): Json {
  return Object.fromEntries(Object.values(errorResponses));
}
