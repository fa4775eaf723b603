import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { authSecret } from "@/lib/auth/secret";

/*
 * The token in reply+<token>@<INBOUND_DOMAIN>. It names the ticket and the recipient the mail
 * went to (a short hash of their address), signed with AUTH_SECRET, so a reply can be routed
 * without trusting anything else in the mail, and a token forwarded to a stranger does not let
 * the stranger post as the customer. Lowercase base32, because some mail servers lowercase the
 * local part; 52 characters, so "reply+" plus the token fits the 64-character local-part limit.
 */

const ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";
const MAC_BYTES = 10;
const RCPT_BYTES = 6;

function base32(buf: Buffer): string {
  let bits = 0;
  let value = 0;
  let out = "";
  for (const byte of buf) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

function unbase32(s: string): Buffer | null {
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const ch of s.toLowerCase()) {
    const i = ALPHABET.indexOf(ch);
    if (i < 0) return null;
    value = (value << 5) | i;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

export function recipientHash(email: string): Buffer {
  return createHash("sha256").update(email.trim().toLowerCase()).digest().subarray(0, RCPT_BYTES);
}

function mac(body: Buffer): Buffer {
  return createHmac("sha256", authSecret()).update("caseflow-reply-token\0").update(body).digest().subarray(0, MAC_BYTES);
}

export function signReplyToken(ticketId: string, recipientEmail: string): string {
  const body = Buffer.concat([Buffer.from(ticketId.replace(/-/g, ""), "hex"), recipientHash(recipientEmail)]);
  return base32(Buffer.concat([body, mac(body)]));
}

export interface ReplyToken {
  ticketId: string;
  /** Whether `email` is the recipient the token was issued to. */
  isFor(email: string): boolean;
}

export function verifyReplyToken(token: string): ReplyToken | null {
  const buf = unbase32(token);
  if (!buf || buf.length !== 16 + RCPT_BYTES + MAC_BYTES) return null;
  const body = buf.subarray(0, 16 + RCPT_BYTES);
  if (!timingSafeEqual(mac(body), buf.subarray(16 + RCPT_BYTES))) return null;
  const hex = body.subarray(0, 16).toString("hex");
  const ticketId = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  const rcpt = body.subarray(16);
  return { ticketId, isFor: (email) => recipientHash(email).equals(rcpt) };
}
