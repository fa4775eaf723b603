import { encode, getToken } from "next-auth/jwt";
import type { NextRequest, NextResponse } from "next/server";
import type { Credential } from "@/lib/domain/api-tokens/credential";
import { signToken } from "./jwt";
import { sessionMaxAge } from "./next-auth-options";
import { authSecret } from "./secret";

/*
 * After a password change or "sign out everywhere" every credential issued before the change
 * is refused (users.sessions_valid_after). The one that made the change carries on with a new
 * credential issued now: a browser session gets its cookie re-issued (same claims, a new
 * sign-in time), a JWT caller gets a fresh access and refresh token pair in the body.
 */

/** For a JWT caller: `{access, refresh}` to add to the answer; nothing for other callers. */
export async function freshJwtPair(via: Credential, userId: string): Promise<{ access?: string; refresh?: string }> {
  if (via !== "jwt") return {};
  return { access: await signToken(userId, "access"), refresh: await signToken(userId, "refresh") };
}

/** For a browser session: sets a re-issued session cookie on the response. */
export async function refreshSessionCookie(req: NextRequest, res: NextResponse, via: Credential, userId: string): Promise<NextResponse> {
  if (via !== "session") return res;
  const secure = req.cookies.getAll().some((c) => c.name.startsWith("__Secure-next-auth.session-token"));
  const token = await getToken({ req, secret: authSecret(), secureCookie: secure });
  if (!token) return res;
  const { iat: _iat, exp: _exp, jti: _jti, ...claims } = token;
  const maxAge = sessionMaxAge();
  const value = await encode({ token: { ...claims, sub: userId, authAt: Date.now() }, secret: authSecret(), maxAge });
  const name = secure ? "__Secure-next-auth.session-token" : "next-auth.session-token";
  res.cookies.set(name, value, { httpOnly: true, sameSite: "lax", path: "/", secure, maxAge });
  return res;
}
