import { SignJWT, jwtVerify, errors } from "jose";
import { authSecret } from "./secret";

/**
 * API tokens (simplejwt-style): a short-lived access token and a longer refresh token, both
 * HS256-signed with AUTH_SECRET and carrying their type so one cannot stand in for the other.
 */
export type TokenType = "access" | "refresh";

const ISSUER = "caseflow";

export function tokenTtl(type: TokenType): number {
  const env = type === "access" ? process.env.ACCESS_TOKEN_TTL_SECONDS : process.env.REFRESH_TOKEN_TTL_SECONDS;
  const n = Number(env);
  if (Number.isFinite(n) && n > 0) return n;
  return type === "access" ? 15 * 60 : 7 * 24 * 3600;
}

// Importing the HMAC key is most of the cost of a verification: keep it per secret value.
let cached: { secret: string; key: Promise<CryptoKey> } | undefined;
function key(): Promise<CryptoKey> {
  const secret = authSecret();
  if (cached?.secret !== secret) {
    const raw = new TextEncoder().encode(secret);
    cached = { secret, key: crypto.subtle.importKey("raw", raw, { name: "HMAC", hash: "SHA-256" }, false, ["sign", "verify"]) };
  }
  return cached.key;
}

export async function signToken(userId: string, type: TokenType): Promise<string> {
  // iat has whole seconds; a password reset must tell tokens from the same second apart.
  return new SignJWT({ typ: type, iat_ms: Date.now() })
    .setProtectedHeader({ alg: "HS256" })
    .setSubject(userId)
    .setIssuer(ISSUER)
    .setIssuedAt()
    .setJti(crypto.randomUUID())
    .setExpirationTime(`${tokenTtl(type)}s`)
    .sign(await key());
}

/** The user id of a valid token of the given type, or null (bad signature, expired, wrong type). */
export async function verifyToken(token: string, type: TokenType): Promise<string | null> {
  return (await verifyTokenClaims(token, type))?.userId ?? null;
}

/** A valid token's user and issue time (epoch ms), or null. */
export async function verifyTokenClaims(token: string, type: TokenType): Promise<{ userId: string; issuedAt: number } | null> {
  try {
    const { payload } = await jwtVerify(token, await key(), { issuer: ISSUER, algorithms: ["HS256"] });
    if (payload.typ !== type || typeof payload.sub !== "string") return null;
    const issuedAt = typeof payload.iat_ms === "number" ? payload.iat_ms : (payload.iat ?? 0) * 1000;
    return { userId: payload.sub, issuedAt };
  } catch (e) {
    if (e instanceof errors.JOSEError) return null;
    throw e;
  }
}
