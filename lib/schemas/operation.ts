import type { z } from "zod";

/** One API operation as the OpenAPI document describes it, built from the validating schemas. */
export interface ApiOperation {
  method: "get" | "post" | "patch" | "put" | "delete";
  path: string;
  summary: string;
  tag?: string;
  query?: z.ZodType;
  body?: z.ZodType;
  /** "multipart" bodies are multipart/form-data, the rest JSON; "both" accepts either. */
  bodyType?: "json" | "multipart" | "both";
  response?: z.ZodType;
  /** A success body that is not JSON: a Server-Sent Events stream. Without `response` and
   * without this, a GET/POST answers with file bytes, a DELETE or a 204 with nothing. */
  produces?: "text/event-stream";
  status?: number;
  /** Operations that need no authentication (the token endpoints). */
  public?: boolean;
  /** An authenticated POST that takes no Idempotency-Key: its answer holds a secret that must not be stored for replays, or it changes credentials. */
  idempotencyKey?: false;
}
