import type { NextRequest } from "next/server";
import { hasSessionCookie } from "@/lib/auth/request-actor";
import { PermissionDeniedError } from "@/lib/domain/errors";
import { isCorsAllowedOrigin } from "./cors";
import { isUnsafeMethod } from "./rate-limit";

/**
 * CSRF protection for the API: a browser attaches the session cookie to requests that other
 * sites make, so an unsafe request authenticated by that cookie must come from our own pages
 * (or from an origin listed in CORS_ALLOWED_ORIGINS). Browsers always send `Origin` on unsafe
 * requests, and `Sec-Fetch-Site`, which pages cannot forge. Bearer-token requests are exempt:
 * another site cannot make a browser attach our token. Requests without the cookie carry no
 * ambient authority and are left to the usual authentication.
 *
 * Like Next.js's own check of Server Actions, "same origin" compares the Origin's host with
 * the Host (or X-Forwarded-Host) the request arrived at. The message is Django's CSRF failure
 * wording, as DRF's SessionAuthentication reports it.
 */
export function assertSameOriginForCookieAuth(req: NextRequest): void {
  if (!isUnsafeMethod(req.method)) return;
  if (req.headers.has("authorization") || !hasSessionCookie(req)) return;
  if (req.headers.get("sec-fetch-site") === "same-origin") return;
  const origin = req.headers.get("origin");
  if (!origin) throw new PermissionDeniedError("CSRF Failed: Origin checking failed - no Origin header.");
  if (isCorsAllowedOrigin(origin)) return;
  let host: string | null = null;
  try {
    host = origin === "null" ? null : new URL(origin).host;
  } catch {
    host = null;
  }
  const forwarded = req.headers.get("x-forwarded-host")?.split(",")[0]?.trim();
  const own = [forwarded, req.headers.get("host") ?? req.nextUrl.host].filter(Boolean);
  if (host && own.includes(host)) return;
  const shown = origin.length > 100 ? `${origin.slice(0, 100)}...` : origin;
  throw new PermissionDeniedError(`CSRF Failed: Origin checking failed - ${shown} does not match any trusted origins.`);
}
