import { isIP } from "node:net";

/**
 * The client's network address, for per-address rate limits and sign-in throttling.
 *
 * Next.js (15+) gives route handlers no socket address: `NextRequest.ip` was removed, and the
 * standalone server only fills `X-Forwarded-For` with the socket address when the request did
 * not bring one, so a client talking to Next directly can put anything there. Every entry of
 * X-Forwarded-For is therefore client-controlled except the ones appended by proxies we run.
 *
 * TRUST_PROXY_HOPS=N (N reverse proxies in front of the app, each appending the address it
 * saw) takes the Nth entry from the right: the address the outermost trusted proxy saw. The
 * entries left of it are whatever the client claimed and are never used.
 *
 * TRUST_PROXY_HOPS=0 (the default, no proxy): the address is unknown (null). Callers then
 * skip per-address limits instead of putting every client into one shared bucket, which any
 * single client could exhaust for everybody.
 */
export function trustProxyHops(env: NodeJS.ProcessEnv = process.env): number {
  const n = Number(env.TRUST_PROXY_HOPS ?? 0);
  return Number.isInteger(n) && n > 0 ? Math.min(n, 10) : 0;
}

export type HeaderSource = { get(name: string): string | null } | Record<string, string | string[] | undefined>;

/** One header's value from either kind of header source. */
export function header(source: HeaderSource, name: string): string | null {
  if (typeof (source as { get?: unknown }).get === "function") return (source as { get(n: string): string | null }).get(name);
  const v = (source as Record<string, string | string[] | undefined>)[name];
  // Repeated headers are one list, in order (RFC 9110 §5.3).
  return Array.isArray(v) ? v.join(",") : (v ?? null);
}

function normalize(raw: string): string | null {
  let a = raw.trim();
  // "[2001:db8::1]:443" and "203.0.113.7:51234" (some proxies append ports) -> the address.
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(a);
  if (bracketed) a = bracketed[1];
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(a)) a = a.slice(0, a.lastIndexOf(":"));
  if (a.toLowerCase().startsWith("::ffff:") && isIP(a.slice(7)) === 4) a = a.slice(7);
  return isIP(a) ? a.toLowerCase() : null;
}

/** Works on a Fetch `Headers` (route handlers) or a Node header record (next-auth's `req.headers`). */
export function clientAddress(headers: HeaderSource, hops = trustProxyHops()): string | null {
  if (hops === 0) return null;
  const chain = (header(headers, "x-forwarded-for") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  if (chain.length === 0) return null;
  // Fewer entries than proxies: the request entered through an inner proxy, and the leftmost
  // entry is still one written by a proxy of ours.
  const entry = chain[Math.max(0, chain.length - hops)];
  return normalize(entry);
}
