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

interface Verified {
  userId: string;
  issuedAt: number;
  type: unknown;
  /** The token's `exp` (epoch seconds). */
  exp: number;
}

/**
 * Tokens whose signature was already checked, by their exact text, until they expire: a client
 * sends the same access token with every request for its quarter of an hour, and the WebCrypto
 * HMAC behind jwtVerify (async, with its own object transfers) was about 3% of a list request's
 * CPU. Only a token that verified is remembered (the secret is fixed for the process's life).
 * Who the user is and what they may do is still read from the database on every request
 * (loadActor), so a deactivation or a password reset still applies to the next request.
 */
const VERIFIED_MAX = 2000;
const verified = new Map<string, Verified>();

/** A valid token's user and issue time (epoch ms), or null. */
export async function verifyTokenClaims(token: string, type: TokenType): Promise<{ userId: string; issuedAt: number } | null> {
  const now = Math.floor(Date.now() / 1000);
  let v = verified.get(token);
  if (v && v.exp <= now) {
    verified.delete(token);
    v = undefined;
  }
  if (!v) {
    try {
      const { payload } = await jwtVerify(token, await key(), { issuer: ISSUER, algorithms: ["HS256"] });
      if (typeof payload.sub !== "string" || typeof payload.exp !== "number") return null;
      const issuedAt = typeof payload.iat_ms === "number" ? payload.iat_ms : (payload.iat ?? 0) * 1000;
      v = { userId: payload.sub, issuedAt, type: payload.typ, exp: payload.exp };
    } catch (e) {
      if (e instanceof errors.JOSEError) return null;
      throw e;
    }
    if (verified.size >= VERIFIED_MAX) verified.delete(verified.keys().next().value!);
    verified.set(token, v);
  }
  return v.type === type ? { userId: v.userId, issuedAt: v.issuedAt } : null;
}
