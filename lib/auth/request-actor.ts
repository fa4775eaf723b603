import { getToken } from "next-auth/jwt";
import type { NextRequest } from "next/server";
import type { Actor } from "@/lib/domain/actor";
import { loadActor } from "@/lib/domain/auth/authenticate";
import { NotAuthenticatedError } from "@/lib/domain/errors";
import { assertCan, type Action } from "@/lib/domain/policy";
import { authenticateApiToken } from "@/lib/domain/api-tokens/authenticate-api-token";
import type { Credential } from "@/lib/domain/api-tokens/credential";
import { isApiTokenCredential } from "@/lib/domain/api-tokens/secret";
import { clientAddress } from "@/lib/api/client-address";
import { verifyTokenClaims } from "./jwt";
import { sessionIssuedAt } from "./session-time";
import { authSecret } from "./secret";

// Per request, each check runs once: the rate limiter, the idempotency guard and the handler
// all ask who the caller is. Keyed by the request object, so nothing outlives the request.
type Claims = { userId: string; issuedAt: number; via: Credential } | null;
const bearerIds = new WeakMap<object, Promise<Claims>>();
const sessionIds = new WeakMap<object, Promise<Claims>>();
const actors = new WeakMap<object, Promise<Authenticated | null>>();

/** The actor of a request and how it proved who it is. */
export interface Authenticated {
  actor: Actor;
  via: Credential;
}

function once<T>(memo: WeakMap<object, Promise<T>>, req: object, fn: () => Promise<T>): Promise<T> {
  let p = memo.get(req);
  if (!p) memo.set(req, (p = fn()));
  return p;
}

/**
 * A bearer credential is either a personal API token (`cf_…`, looked up by its hash: one
 * statement, which also stamps last_used_at) or a signed JWT access token.
 */
function bearerClaims(req: NextRequest, token: string): Promise<Claims> {
  return once(bearerIds, req, async () => {
    if (isApiTokenCredential(token)) {
      const t = await authenticateApiToken(token);
      return t ? { userId: t.userId, issuedAt: t.issuedAt, via: "api_token" } : null;
    }
    const c = await verifyTokenClaims(token, "access");
    return c ? { ...c, via: "jwt" } : null;
  });
}

function sessionClaims(req: NextRequest): Promise<Claims> {
  return once(sessionIds, req, async () => {
    const session = await getToken({ req, secret: authSecret() }).catch(() => null);
    return typeof session?.sub === "string" ? { userId: session.sub, issuedAt: sessionIssuedAt(session), via: "session" } : null;
  });
}

/**
 * The one way a request becomes an Actor, for every /api/v1 endpoint: a Bearer credential (a
 * JWT access token or a personal API token, both with the owner's rights), or else the
 * browser's next-auth session cookie. A present but bad credential is 401, never a silent
 * fall-through to the session. The user is read from the database on every request, so a
 * deactivation or a role change applies to the very next one.
 */
export function authFromRequest(req: NextRequest): Promise<Authenticated | null> {
  return once(actors, req, async () => {
    const header = req.headers.get("authorization");
    if (header) {
      const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
      if (!m) throw new NotAuthenticatedError("Authorization header must be: Bearer <access token>.");
      const claims = await bearerClaims(req, m[1]);
      const actor = claims ? await loadActor(claims.userId, claims.issuedAt) : null;
      if (!actor || !claims) throw new NotAuthenticatedError(BAD_TOKEN);
      return { actor, via: claims.via };
    }
    const claims = await sessionClaims(req);
    const actor = claims ? await loadActor(claims.userId, claims.issuedAt) : null;
    return actor && claims ? { actor, via: claims.via } : null;
  });
}

const BAD_TOKEN = "Given token not valid for any token type";

/**
 * The request's credential, checked, without reading its user: for a route whose domain call
 * reads the user inside its own statement (listTicketsFor). The same 401s as requireActor for a
 * missing or bad credential; when the user turns out to be refused, answer notAuthenticated(req).
 */
export async function requireClaims(req: NextRequest): Promise<{ userId: string; issuedAt: number; via: Credential }> {
  const header = req.headers.get("authorization");
  if (header) {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!m) throw new NotAuthenticatedError("Authorization header must be: Bearer <access token>.");
    const claims = await bearerClaims(req, m[1]);
    if (!claims) throw new NotAuthenticatedError(BAD_TOKEN);
    return claims;
  }
  const claims = await sessionClaims(req);
  if (!claims) throw new NotAuthenticatedError();
  return claims;
}

/** The 401 requireActor gives a request whose credential no longer stands for an active user. */
export function notAuthenticated(req: NextRequest): NotAuthenticatedError {
  return req.headers.get("authorization") ? new NotAuthenticatedError(BAD_TOKEN) : new NotAuthenticatedError();
}

export async function actorFromRequest(req: NextRequest): Promise<Actor | null> {
  return (await authFromRequest(req))?.actor ?? null;
}

/** The actor and how they signed in; 401 when nobody did. */
export async function requireAuth(req: NextRequest): Promise<Authenticated> {
  const auth = await authFromRequest(req);
  if (!auth) throw new NotAuthenticatedError();
  return auth;
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
export async function requireActorWith(req: NextRequest, action: Action, message?: string): Promise<Actor> {
  const actor = await requireActor(req);
  assertCan(actor, action, {}, message);
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
 * The user id a request is authenticated as, enough to key rate limits by user: a JWT or
 * session is checked only cryptographically (no database); a personal API token by the one
 * lookup the handler reuses (memoized per request). A bad token counts as anonymous here; the
 * handler still refuses it with 401.
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
