import createClient from "openapi-fetch";
import { ApiError } from "./errors";
import type { paths } from "./schema";

/**
 * The typed client of our own API, generated from the OpenAPI document (schema.ts, written by
 * `npm run api:client`). Paths, parameters, bodies and results are all checked against it, so
 * a renamed field fails to compile. Failures throw ApiError (lib/api-client/errors.ts).
 *
 * Parameters are taken as one exact object per call (no generic inference), so a misspelt
 * optional field or filter is a compile error too, not an ignored extra key.
 */
type Method = "get" | "post" | "put" | "patch" | "delete";
export type ApiPath<M extends Method> = { [P in keyof paths]: paths[P][M & keyof paths[P]] extends undefined ? never : P }[keyof paths];
type Op<P extends keyof paths, M extends Method> = NonNullable<paths[P][M & keyof paths[P]]>;

type Params<O> = O extends { parameters: infer X } ? X : never;
type PathParams<O> = NonNullable<Params<O>> extends { path: infer X } ? X : never;
type Query<O> = NonNullable<Params<O>> extends { query?: infer X } ? X : never;
type Content<O> = O extends { requestBody: { content: infer C } } ? C : never;
type BodyOf<C> = (C extends { "application/json": infer B } ? B : never) | (C extends { "multipart/form-data": unknown } ? FormData : never);
type Body<O> = [Content<O>] extends [never] ? never : BodyOf<Content<O>>;

export type ApiInit<O> = ([PathParams<O>] extends [never] ? { path?: never } : { path: PathParams<O> }) &
  ([Query<O>] extends [never | undefined] ? { query?: never } : { query?: Query<O> }) &
  ([Body<O>] extends [never] ? { body?: never } : { body: Body<O> }) & {
    headers?: Record<string, string>;
    signal?: AbortSignal;
  };

type Json<R> = R extends { content: { "application/json": infer D } } ? D : undefined;
export type ApiData<O> = O extends { responses: infer R }
  ? 200 extends keyof R ? Json<R[200]> : 201 extends keyof R ? Json<R[201]> : undefined
  : never;

export interface ApiResult<D> {
  data: D;
  headers: Headers;
}

type Fetch = (input: Request) => Promise<Response>;

/** A client for one origin: the browser's own by default; tests pass a base URL and fetch. */
export function createApiClient(opts: { baseUrl?: string; fetch?: Fetch; headers?: Record<string, string> } = {}) {
  const client = createClient<paths>({ baseUrl: opts.baseUrl ?? "", fetch: opts.fetch, credentials: "same-origin", headers: opts.headers });

  async function send(method: Method, path: string, init: { path?: object; query?: object; body?: unknown; headers?: Record<string, string>; signal?: AbortSignal } = {}) {
    const headers = { accept: "application/json", ...init.headers };
    let res: Awaited<ReturnType<typeof client.request>>;
    try {
      res = await client.request(method, path as never, {
        params: { path: init.path, query: init.query },
        body: init.body,
        headers,
        signal: init.signal,
        // FormData goes as multipart (the browser sets the boundary); the rest as JSON.
        ...(init.body instanceof FormData ? { bodySerializer: (b: unknown) => b } : {}),
      } as never);
    } catch (e) {
      if ((e as Error)?.name === "AbortError") throw e;
      throw new ApiError(0, null);
    }
    if (res.error !== undefined || !res.response.ok) throw new ApiError(res.response.status, res.error);
    return { data: res.data ?? null, headers: res.response.headers };
  }

  const method =
    <M extends Method>(m: M) =>
    <P extends ApiPath<M>>(path: P, ...init: {} extends ApiInit<Op<P, M>> ? [ApiInit<Op<P, M>>?] : [ApiInit<Op<P, M>>]) =>
      send(m, path, init[0] as never) as Promise<ApiResult<ApiData<Op<P, M>>>>;

  return { GET: method("get"), POST: method("post"), PUT: method("put"), PATCH: method("patch"), DELETE: method("delete") };
}

export type ApiClient = ReturnType<typeof createApiClient>;

/** The browser's client: same origin, authenticated by the session cookie. */
export const api = createApiClient();
