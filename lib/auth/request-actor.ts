import { getToken } from "next-auth/jwt";
import type { NextRequest } from "next/server";
import type { Actor } from "@/lib/domain/actor";
import { loadActor } from "@/lib/domain/auth/authenticate";
import { NotAuthenticatedError } from "@/lib/domain/errors";
import { assertCan, type Action } from "@/lib/domain/policy";
import { clientAddress } from "@/lib/api/client-address";
import { verifyTokenClaims } from "./jwt";
import { sessionIssuedAt } from "./session-time";
import { authSecret } from "./secret";

// Per request, each check runs once: the rate limiter, the idempotency guard and the handler
// all ask who the caller is. Keyed by the request object, so nothing outlives the request.
type Claims = { userId: string; issuedAt: number } | null;
const bearerIds = new WeakMap<object, Promise<Claims>>();
const sessionIds = new WeakMap<object, Promise<Claims>>();
const actors = new WeakMap<object, Promise<Actor | null>>();

function once<T>(memo: WeakMap<object, Promise<T>>, req: object, fn: () => Promise<T>): Promise<T> {
  let p = memo.get(req);
  if (!p) memo.set(req, (p = fn()));
  return p;
}

function bearerClaims(req: NextRequest, token: string): Promise<Claims> {
  return once(bearerIds, req, () => verifyTokenClaims(token, "access"));
}

function sessionClaims(req: NextRequest): Promise<Claims> {
  return once(sessionIds, req, async () => {
    const session = await getToken({ req, secret: authSecret() }).catch(() => null);
    return typeof session?.sub === "string" ? { userId: session.sub, issuedAt: sessionIssuedAt(session) } : null;
  });
}

/**
 * The one way a request becomes an Actor, for every /api/v1 endpoint: a Bearer access token,
 * or else the browser's next-auth session cookie. A present but bad token is 401, never a
 * silent fall-through to the session. The user is read from the database on every request,
 * so a deactivation or a role change applies to the very next one.
 */
export function actorFromRequest(req: NextRequest): Promise<Actor | null> {
  return once(actors, req, async () => {
    const header = req.headers.get("authorization");
    if (header) {
      const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
      if (!m) throw new NotAuthenticatedError("Authorization header must be: Bearer <access token>.");
      const claims = await bearerClaims(req, m[1]);
      const actor = claims ? await loadActor(claims.userId, claims.issuedAt) : null;
      if (!actor) throw new NotAuthenticatedError("Given token not valid for any token type");
      return actor;
    }
    const claims = await sessionClaims(req);
    return claims ? loadActor(claims.userId, claims.issuedAt) : null;
  });
}

export async function requireActor(req: NextRequest): Promise<Actor> {
  const actor = await actorFromRequest(req);
  if (!actor) throw new NotAuthenticatedError();
  return actor;
}

/**
 * requireActor plus a coarse capability gate, for whole areas such as /api/v1/admin/: like
 * DRF's permission_classes it answers 403 before the body or query is read, so a non-admin
 * learns nothing from validation errors. The domain function still asserts its own rule.
 */
export async function requireActorWith(req: NextRequest, action: Action): Promise<Actor> {
  const actor = await requireActor(req);
  assertCan(actor, action);
  return actor;
}

/** The client's address as far as trusted proxies vouch for it (see lib/api/client-address.ts). */
export function clientIp(req: NextRequest): string | null {
  return clientAddress(req.headers);
}

/** Whether the request carries a next-auth session cookie (possibly split into chunks). */
export function hasSessionCookie(req: NextRequest): boolean {
  return req.cookies.getAll().some((c) => /^(__Secure-)?next-auth\.session-token(\.\d+)?$/.test(c.name));
}

/**
 * The user id a request is authenticated as, checked only cryptographically (no database):
 * enough to key rate limits by user. A bad token counts as anonymous here; the handler still
 * refuses it with 401.
 */
export async function requestUserId(req: NextRequest): Promise<string | null> {
  const header = req.headers.get("authorization");
  if (header) {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
    return m ? ((await bearerClaims(req, m[1]))?.userId ?? null) : null;
  }
  if (!hasSessionCookie(req)) return null;
  return (await sessionClaims(req))?.userId ?? null;
}
