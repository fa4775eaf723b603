/**
 * Cross-origin access to /api/v1 for frontend apps served from other origins, configured like
 * django-cors-headers: CORS_ALLOWED_ORIGINS is a comma-separated list of exact origins
 * ("https://app.example.com"). Listed origins may send credentials (cookies) too. Requests
 * from any other origin get no CORS headers, so browsers keep their responses from scripts.
 *
 * Pure functions of the request headers and the environment: used by proxy.ts (preflights
 * and response headers) and by the API's same-origin check for cookie-authenticated writes.
 */
export const CORS_ALLOW_METHODS = "GET, POST, PUT, PATCH, DELETE, OPTIONS";
export const CORS_ALLOW_HEADERS =
  "Authorization, Content-Type, If-Match, If-Unmodified-Since, Idempotency-Key, Last-Event-ID";
export const CORS_EXPOSE_HEADERS =
  "ETag, Last-Modified, RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset, Retry-After, Idempotent-Replayed";

function canonicalOrigin(raw: string): string | null {
  try {
    const u = new URL(raw.trim());
    if (u.protocol !== "http:" && u.protocol !== "https:") return null;
    return u.origin;
  } catch {
    return null;
  }
}

export function corsAllowedOrigins(env: NodeJS.ProcessEnv = process.env): Set<string> {
  const out = new Set<string>();
  for (const part of (env.CORS_ALLOWED_ORIGINS ?? "").split(",")) {
    const o = part.trim() && canonicalOrigin(part);
    if (o) out.add(o);
  }
  return out;
}

/** Whether an Origin header value is one of the configured origins (exact match, as sent). */
export function isCorsAllowedOrigin(origin: string | null, env: NodeJS.ProcessEnv = process.env): boolean {
  if (!origin || origin === "null") return false;
  const allowed = corsAllowedOrigins(env);
  // Browsers send the serialized origin; compare in that same canonical form.
  return allowed.size > 0 && canonicalOrigin(origin) === origin && allowed.has(origin);
}

export function corsMaxAge(env: NodeJS.ProcessEnv = process.env): number {
  const n = Number(env.CORS_PREFLIGHT_MAX_AGE);
  return env.CORS_PREFLIGHT_MAX_AGE !== undefined && Number.isInteger(n) && n >= 0 ? n : 86400;
}

/** Headers of a preflight answer for an allowed origin. */
export function corsPreflightHeaders(origin: string, env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  return {
    "Access-Control-Allow-Origin": origin,
    "Access-Control-Allow-Credentials": "true",
    "Access-Control-Allow-Methods": CORS_ALLOW_METHODS,
    "Access-Control-Allow-Headers": CORS_ALLOW_HEADERS,
    "Access-Control-Max-Age": String(corsMaxAge(env)),
  };
}

/** Headers added to an actual response for an allowed origin. */
export function corsResponseHeaders(origin: string): Record<string, string> {
  return {
    "Access-Control-Allow-Origin": origin,
    "Access-Control-Allow-Credentials": "true",
    "Access-Control-Expose-Headers": CORS_EXPOSE_HEADERS,
  };
}
