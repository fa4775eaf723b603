import { NextResponse, type NextRequest } from "next/server";
import type { z } from "zod";
import { ThrottledError, UnsupportedMediaTypeError, PayloadTooLargeError, PreconditionFailedError, ValidationError } from "@/lib/domain/errors";
import "@/lib/boot";
import { errorResponse, zodToFields } from "./errors";
import { idempotent } from "./idempotency";
import { lastValues } from "./query";
import { apiRateLimiter, rateLimitSubject } from "./rate-limit";
import { assertSameOriginForCookieAuth } from "./same-origin";
import { requestEnded, requestStarted } from "./in-flight";

type Ctx<P> = { params: Promise<P> };

export interface ApiOptions {
  /** The contract's names for the domain's fields, used to name validation errors. */
  fields?: Readonly<Record<string, string>>;
  /** Honour an Idempotency-Key header (every POST that creates or changes something). */
  idempotent?: boolean;
  /** A sign-in endpoint: also counted against the (lower) sign-in rate limit. */
  signin?: boolean;
  /** A self-service account endpoint (sign-up, reset, magic link): counted against `account`. */
  account?: boolean;
  /** An anonymous submission (the public ticket form): counted against `public`. */
  publicForm?: boolean;
  /**
   * A 412 that names a ticket (PreconditionFailedError.ticketId) answered with more than its
   * detail: the route adds the ticket's current state so a client can show what changed.
   */
  onStale?: (req: NextRequest, e: PreconditionFailedError & { ticketId: string }) => Promise<Response>;
}

/**
 * Route-handler wrapper: handlers parse, call one domain function and serialize; anything
 * thrown is turned into a response in one place (errorResponse). No try/catch in handlers.
 * Before the handler runs, every request is counted against the rate limits (429 past them;
 * RateLimit-* headers on every response) and cookie-authenticated writes must come from our
 * own origin (403 otherwise).
 */
export function api<P = Record<string, never>>(handler: (req: NextRequest, params: P) => Promise<Response>, opts: ApiOptions = {}) {
  // Inside the idempotency layer, so a replayed 412 is the explained one.
  const explained = opts.onStale ? explainStale(handler, opts.onStale) : handler;
  const fn = opts.idempotent ? idempotent(explained, { fields: opts.fields }) : explained;
  return async (req: NextRequest, ctx: Ctx<P>): Promise<Response> => {
    let limitHeaders: Record<string, string> = {};
    let res: Response;
    requestStarted();
    try {
      const outcome = await apiRateLimiter().check(await rateLimitSubject(req, opts));
      limitHeaders = outcome.headers;
      if (outcome.retryAfterSeconds !== null) throw new ThrottledError(outcome.retryAfterSeconds);
      // Sign-in authenticates by its body, not the cookie: nothing to forge there.
      if (!opts.signin) assertSameOriginForCookieAuth(req);
      const params = ctx?.params ? await ctx.params : ({} as P);
      res = await fn(req, params);
      res.headers.set("Cache-Control", res.headers.get("Cache-Control") ?? "no-store");
    } catch (e) {
      res = errorResponse(e, opts.fields);
    } finally {
      requestEnded();
    }
    for (const [k, v] of Object.entries(limitHeaders)) res.headers.set(k, v);
    // What proxy.ts adds to requests with an Origin; requests without one skip the proxy.
    if (!req.headers.has("origin")) res.headers.append("Vary", "Origin");
    return res;
  };
}

/** A 412 naming its ticket becomes the route's fuller answer; the plain 412 stands if that fails. */
function explainStale<P>(handler: (req: NextRequest, params: P) => Promise<Response>, onStale: NonNullable<ApiOptions["onStale"]>) {
  return async (req: NextRequest, params: P): Promise<Response> => {
    try {
      return await handler(req, params);
    } catch (e) {
      const res = e instanceof PreconditionFailedError && e.ticketId ? await onStale(req, e as PreconditionFailedError & { ticketId: string }).catch(() => null) : null;
      if (res) return res;
      throw e;
    }
  };
}

/** Handlers for the methods a path does not allow: DRF's 405 body and an Allow header. */
export function methodNotAllowed(allowed: string[]) {
  // Any route's params: the same handler serves static and dynamic paths.
  return api<Record<string, string | string[]>>(async (req: NextRequest) =>
    NextResponse.json(
      { detail: `Method "${req.method}" not allowed.` },
      { status: 405, headers: { Allow: [...allowed, "OPTIONS"].join(", ") } },
    ),
  );
}

export function json(data: unknown, init: ResponseInit = {}): NextResponse {
  return NextResponse.json(data, init);
}

/**
 * Text PostgreSQL cannot hold faithfully is refused at the edge with a 400 naming the field,
 * like DRF's CharField, instead of letting the database fail the request or mangle the value:
 * NUL characters, and lone UTF-16 surrogates (JSON "\ud800"), which have no UTF-8 form, so a
 * text column silently turns them into U+FFFD while json/array values fail outright. Keys are
 * checked too: a nested object may be stored whole. Forms and server actions use this as well.
 */
export function rejectNullCharacters(data: unknown): void {
  const bad = new Map<string, Set<string>>();
  const flag = (field: string, msg: string) => {
    const f = field || "non_field_errors";
    bad.set(f, (bad.get(f) ?? new Set()).add(msg));
  };
  const check = (s: string, field: string) => {
    if (s.includes("\u0000")) flag(field, "Null characters are not allowed.");
    if (!s.isWellFormed()) flag(field, "Lone surrogate characters are not allowed.");
  };
  const walk = (v: unknown, field: string) => {
    if (typeof v === "string") check(v, field);
    else if (Array.isArray(v)) v.forEach((x) => walk(x, field));
    else if (v && typeof v === "object") {
      for (const [k, x] of Object.entries(v)) {
        check(k, field);
        walk(x, field || k);
      }
    }
  };
  walk(data, "");
  if (bad.size) throw new ValidationError(Object.fromEntries([...bad].map(([f, msgs]) => [f, [...msgs]])));
}

/** Query parameters through a zod schema; Django's QueryDict.get keeps the last value. */
export function parseQuery<S extends z.ZodType>(req: NextRequest, schema: S): z.output<S> {
  return parseQueryParams(req.nextUrl.searchParams, schema);
}

/**
 * List query parameters with django-filter's semantics: the last value of a repeated
 * parameter counts; an empty value means "no filter"; DRF's SearchFilter drops NUL characters
 * from `search` (other parameters refuse them); errors of a date range name the range
 * (`created_at`), not its `_after`/`_before` bound.
 */
export function parseQueryParams<S extends z.ZodType>(params: URLSearchParams | Record<string, string | string[] | undefined>, schema: S): z.output<S> {
  const obj = lastValues(params, { dropEmpty: true });
  if (obj.search !== undefined) obj.search = obj.search.replace(/\x00/g, "");
  rejectNullCharacters(obj);
  const parsed = schema.safeParse(obj);
  if (parsed.success) return parsed.data;
  const fields: Record<string, string[]> = {};
  for (const [key, messages] of Object.entries(zodToFields(parsed.error))) {
    const name = key.replace(/_(after|before)$/, "");
    fields[name] = [...new Set([...(fields[name] ?? []), ...messages])];
  }
  throw new ValidationError(fields);
}

const JSON_LIMIT = 1024 * 1024;

function mediaType(req: NextRequest): string {
  return (req.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
}

async function readJson(req: NextRequest): Promise<unknown> {
  const len = Number(req.headers.get("content-length") ?? 0);
  if (len > JSON_LIMIT) throw new PayloadTooLargeError("Request body is larger than 1 MB.");
  const text = await req.text();
  if (Buffer.byteLength(text) > JSON_LIMIT) throw new PayloadTooLargeError("Request body is larger than 1 MB.");
  if (!text.trim()) return {};
  try {
    return JSON.parse(text);
  } catch (e) {
    throw ValidationError.field("non_field_errors", `JSON parse error - ${(e as Error).message}`);
  }
}

export interface ParsedBody {
  data: unknown;
  files: { field: string; name: string; bytes: Uint8Array }[];
}

/**
 * A JSON or (where allowed) multipart/form-data body. Form fields become strings; repeated
 * fields become lists; files are returned apart. Unknown content types are 415.
 */
export async function readBody(req: NextRequest, opts: { multipart?: { maxBytes: number } } = {}): Promise<ParsedBody> {
  const type = mediaType(req);
  if (type === "application/json" || (type === "" && !opts.multipart) || type.endsWith("+json")) {
    const data = await readJson(req);
    rejectNullCharacters(data);
    return { data, files: [] };
  }
  if (opts.multipart && (type === "multipart/form-data" || type === "application/x-www-form-urlencoded")) {
    const len = Number(req.headers.get("content-length") ?? 0);
    if (len > opts.multipart.maxBytes) {
      throw new PayloadTooLargeError(`Request body is larger than ${Math.round(opts.multipart.maxBytes / 1048576)} MB.`);
    }
    let form: FormData;
    try {
      form = await req.formData();
    } catch {
      throw ValidationError.field("non_field_errors", "Multipart form parse error.");
    }
    const data: Record<string, string | string[]> = {};
    const files: ParsedBody["files"] = [];
    for (const [field, value] of form.entries()) {
      if (typeof value === "string") {
        const prev = data[field];
        data[field] = prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value];
      } else {
        files.push({ field, name: value.name, bytes: new Uint8Array(await value.arrayBuffer()) });
      }
    }
    rejectNullCharacters(data);
    return { data, files };
  }
  throw new UnsupportedMediaTypeError(`Unsupported media type "${type || "none"}" in request.`);
}
