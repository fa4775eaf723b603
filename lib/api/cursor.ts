import { createHmac, timingSafeEqual } from "node:crypto";
import { authSecret } from "@/lib/auth/secret";
import { ValidationError } from "@/lib/domain/errors";
import { valuesFit, type Position, type SortKey } from "@/lib/domain/keyset";

/**
 * Opaque cursor tokens: the keyset position plus the ordering it belongs to, signed with an
 * HMAC so a client can neither forge positions nor reuse a cursor under another ordering.
 */
function mac(payload: string): string {
  return createHmac("sha256", `cursor:${authSecret()}`).update(payload).digest("base64url").slice(0, 22);
}

export function encodeCursor(pos: Position, scope: string): string {
  const payload = Buffer.from(JSON.stringify({ d: pos.direction === "next" ? "n" : "p", v: pos.values, s: scope })).toString("base64url");
  return `${payload}.${mac(payload)}`;
}

export function decodeCursor<Row>(token: string | undefined, scope: string, keys: SortKey<Row>[]): Position | null {
  if (token === undefined || token === "") return null;
  const invalid = () => ValidationError.field("cursor", "Invalid cursor.");
  const [payload, sig] = token.split(".");
  if (!payload || !sig) throw invalid();
  const expected = Buffer.from(mac(payload));
  const given = Buffer.from(sig);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw invalid();
  let data: { d?: unknown; v?: unknown; s?: unknown };
  try {
    data = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  } catch {
    throw invalid();
  }
  if ((data.d !== "n" && data.d !== "p") || data.s !== scope || !valuesFit(keys, data.v)) throw invalid();
  return { direction: data.d === "n" ? "next" : "prev", values: data.v };
}
