import type { RequestOrigin } from "@/lib/domain/audit/record-audit";
import { clientAddress, header, type HeaderSource } from "./client-address";

/** Longer User-Agent strings are cut: the header is client-controlled and only shown to admins. */
export const USER_AGENT_MAX = 512;

/**
 * The audit log's "from where": the client address (only when trusted proxies vouch for it,
 * see clientAddress) and the User-Agent, capped. Takes a route handler's request or next-auth's
 * `req` (anything with Fetch `Headers` or a Node header record).
 */
export function requestOrigin(req: { headers?: HeaderSource } | null | undefined): RequestOrigin {
  const headers = req?.headers;
  if (!headers) return { ip: null, userAgent: null };
  const ua = header(headers, "user-agent")?.trim();
  return { ip: clientAddress(headers), userAgent: ua ? ua.slice(0, USER_AGENT_MAX) : null };
}

