import { NextResponse, type NextRequest } from "next/server";
import { requireActor } from "@/lib/auth/request-actor";
import { uploadLimits } from "@/lib/domain/attachments/uploads";
import { DomainError, ValidationError } from "@/lib/domain/errors";
import { errorResponse } from "./errors";
import { claimKey, completeKey, findKey, releaseKey, type StoredResponse } from "./idempotency-store";
import { requestFingerprint } from "./request-fingerprint";

/*
 * Idempotency-Key for POST routes: `export const POST = api(handler, { idempotent: true })`.
 *
 * The same key from the same user with the same request within the key's lifetime gets the
 * first response again (status, body, Content-Type, Location, ETag, Last-Modified) with
 * `Idempotent-Replayed: true`, and the work is done once. The same key with another request
 * is 422. A retry arriving while the first request still runs waits for it (up to WAIT_MS),
 * then gets 409 with Retry-After.
 *
 * Which responses are kept: everything below 500 except 409 and 429. Those, and 5xx, say
 * "try again", so the key is released and the retry runs; any other 4xx (a validation error,
 * a 403/404) is what the same request will get again, so it is replayed like a success.
 */

const MAX_KEY_LENGTH = 255;
const WAIT_MS = 5000;
const POLL_MS = 50;
const REPLAYED_HEADERS = ["content-type", "location", "etag", "last-modified"];
const NULL_BODY_STATUS = new Set([101, 204, 205, 304]);

type Handler<P> = (req: NextRequest, params: P) => Promise<Response>;

function storable(status: number): boolean {
  return status < 500 && status !== 409 && status !== 429;
}

function replay(r: StoredResponse): Response {
  const headers = new Headers(r.headers);
  headers.set("Idempotent-Replayed", "true");
  return new Response(NULL_BODY_STATUS.has(r.status) ? null : new Uint8Array(r.body), { status: r.status, headers });
}

/** Keeps the response of a claimed key (or releases the key), and hands the response on. */
async function finish(claimId: string, res: Response): Promise<Response> {
  const body = new Uint8Array(await res.arrayBuffer());
  const out = new Response(NULL_BODY_STATUS.has(res.status) ? null : body, {
    status: res.status,
    statusText: res.statusText,
    headers: res.headers,
  });
  try {
    if (storable(res.status)) {
      const headers: Record<string, string> = {};
      for (const name of REPLAYED_HEADERS) {
        const v = res.headers.get(name);
        if (v !== null) headers[name] = v;
      }
      await completeKey(claimId, { status: res.status, headers, body });
    } else {
      await releaseKey(claimId);
    }
  } catch (e) {
    // The request's own work is committed: report its real outcome. The claim stays until its
    // lease ends, so a retry in the meantime waits or gets 409 rather than running twice.
    console.error("[idempotency] could not store the response of a request", e);
  }
  return out;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function idempotent<P>(fn: Handler<P>, opts: { waitMs?: number; fields?: Readonly<Record<string, string>> } = {}): Handler<P> {
  const waitMs = opts.waitMs ?? WAIT_MS;
  return async (req, params) => {
    const key = req.headers.get("idempotency-key");
    if (key === null) return fn(req, params);
    // Authentication first, as everywhere: an anonymous caller learns nothing about keys.
    const actor = await requireActor(req);
    if (key.length === 0 || key.length > MAX_KEY_LENGTH) {
      throw ValidationError.field("non_field_errors", `Idempotency-Key must be 1 to ${MAX_KEY_LENGTH} characters long.`);
    }
    const fingerprint = await requestFingerprint(req, uploadLimits().maxRequestBytes);
    if (fingerprint === null) return fn(req, params);

    const deadline = Date.now() + waitMs;
    for (;;) {
      const claimId = await claimKey(actor.id, key, fingerprint);
      if (claimId) {
        let res: Response;
        try {
          res = await fn(req, params);
        } catch (e) {
          res = errorResponse(e, opts.fields);
        }
        return finish(claimId, res);
      }
      const row = await findKey(actor.id, key);
      if (row && row.fingerprint !== fingerprint) {
        throw new DomainError(
          422,
          "This Idempotency-Key was already used for a different request (method, path or body). Use a new key for a new request.",
        );
      }
      if (row?.state === "completed") return replay(row.response);
      // In progress elsewhere (or released/expired just now: claim again on the next turn).
      if (Date.now() >= deadline) {
        return NextResponse.json(
          { detail: "A request with this Idempotency-Key is still being processed. Retry shortly." },
          { status: 409, headers: { "Retry-After": "1" } },
        );
      }
      await sleep(POLL_MS);
    }
  };
}
