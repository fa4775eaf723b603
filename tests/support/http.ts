import { NextRequest } from "next/server";

export type Handler = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

export interface CallOpts {
  user?: { token: string } | null;
  query?: Record<string, string | number | boolean>;
  body?: unknown;
  form?: FormData;
  raw?: { body: string | Uint8Array; contentType?: string };
  headers?: Record<string, string>;
  params?: Record<string, string>;
}

/** Calls a real route handler the way Next does, and returns status, headers and JSON body. */
export async function call(handler: Handler, method: string, path: string, opts: CallOpts = {}) {
  const url = new URL(`http://localhost:3000${path}`);
  for (const [k, v] of Object.entries(opts.query ?? {})) url.searchParams.set(k, String(v));
  const headers = new Headers(opts.headers);
  if (opts.user) headers.set("authorization", `Bearer ${opts.user.token}`);
  let body: BodyInit | undefined;
  if (opts.form) body = opts.form;
  else if (opts.raw) {
    body = opts.raw.body as BodyInit;
    if (opts.raw.contentType) headers.set("content-type", opts.raw.contentType);
  } else if (opts.body !== undefined) {
    body = JSON.stringify(opts.body);
    headers.set("content-type", "application/json");
  }
  const req = new NextRequest(url, { method, headers, body });
  const res = await handler(req, { params: Promise.resolve(opts.params ?? {}) });
  const text = await res.text();
  let json: any = undefined;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, json, text };
}

/** Route modules export handlers typed by Next; `call` takes any of them. */
export const handler = (f: unknown) => f as Handler;

/** The path and query of a DRF "next"/"previous" URL, to follow it against the same handler. */
export function pathOf(absoluteUrl: string): string {
  const u = new URL(absoluteUrl);
  return u.pathname + u.search;
}
