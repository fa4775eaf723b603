import { getToken } from "next-auth/jwt";
import type { NextRequest } from "next/server";
import type { Actor } from "@/lib/domain/actor";
import { loadActor } from "@/lib/domain/auth/authenticate";
import { NotAuthenticatedError } from "@/lib/domain/errors";
import { clientAddress } from "@/lib/api/client-address";
import { verifyToken } from "./jwt";
import { authSecret } from "./secret";

/**
 * The one way a request becomes an Actor, for every /api/v1 endpoint: a Bearer access token,
 * or else the browser's next-auth session cookie. A present but bad token is 401, never a
 * silent fall-through to the session.
 */
export async function actorFromRequest(req: NextRequest): Promise<Actor | null> {
  const header = req.headers.get("authorization");
  if (header) {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!m) throw new NotAuthenticatedError("Authorization header must be: Bearer <access token>.");
    const userId = await verifyToken(m[1], "access");
    const actor = userId ? await loadActor(userId) : null;
    if (!actor) throw new NotAuthenticatedError("Given token not valid for any token type");
    return actor;
  }
  const session = await getToken({ req, secret: authSecret() }).catch(() => null);
  if (session?.sub) return loadActor(session.sub);
  return null;
}

export async function requireActor(req: NextRequest): Promise<Actor> {
  const actor = await actorFromRequest(req);
  if (!actor) throw new NotAuthenticatedError();
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
    return m ? verifyToken(m[1], "access") : null;
  }
  if (!hasSessionCookie(req)) return null;
  const session = await getToken({ req, secret: authSecret() }).catch(() => null);
  return typeof session?.sub === "string" ? session.sub : null;
}
