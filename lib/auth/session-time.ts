/**
 * When a browser session was signed in (epoch ms). next-auth re-issues its JWT as the session
 * rolls, so its `iat` moves on; `authAt`, set once at sign-in and carried along, does not, and a
 * password reset (users.sessions_valid_after) compares against it.
 */
export function sessionIssuedAt(token: Record<string, unknown>): number {
  if (typeof token.authAt === "number") return token.authAt;
  return typeof token.iat === "number" ? token.iat * 1000 : 0;
}
