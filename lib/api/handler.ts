import { NextResponse, type NextRequest } from "next/server";
import type { z } from "zod";
import { UnsupportedMediaTypeError, PayloadTooLargeError, ValidationError } from "@/lib/domain/errors";
import { errorResponse } from "./errors";

type Ctx<P> = { params: Promise<P> };

/**
 * Route-handler wrapper: handlers parse, call one domain function and serialize; anything
 * thrown is turned into a response in one place (errorResponse). No try/catch in handlers.
 */
export function api<P = Record<string, never>>(fn: (req: NextRequest, params: P) => Promise<Response>) {
  return async (req: NextRequest, ctx: Ctx<P>): Promise<Response> => {
    try {
      const params = ctx?.params ? await ctx.params : ({} as P);
      const res = await fn(req, params);
      res.headers.set("Cache-Control", res.headers.get("Cache-Control") ?? "no-store");
      return res;
    } catch (e) {
      return errorResponse(e);
    }
  };
}

/** Handlers for the methods a path does not allow: DRF's 405 body and an Allow header. */
export function methodNotAllowed(allowed: string[]) {
  const handler = async (req: NextRequest) =>
    NextResponse.json(
      { detail: `Method "${req.method}" not allowed.` },
      { status: 405, headers: { Allow: [...allowed, "OPTIONS"].join(", ") } },
    );
  return handler;
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
  const obj: Record<string, string> = {};
  for (const [k, v] of req.nextUrl.searchParams) obj[k] = v;
  rejectNullCharacters(obj);
  return schema.parse(obj);
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
