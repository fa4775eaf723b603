import { randomBytes } from "node:crypto";
import { hashToken } from "../auth/one-time-tokens";

/**
 * Personal API token secrets: `cf_` + 43 base62 characters (32 random bytes, 256 bits), so
 * secret scanners can recognise them by the prefix and length. Only the SHA-256 is stored.
 */
export const TOKEN_PREFIX = "cf_";
const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const BODY_LENGTH = 43;
/** How many characters of the secret are kept in clear, to tell tokens apart in lists. */
const SHOWN = TOKEN_PREFIX.length + 6;

export const API_TOKEN_PATTERN = /^cf_[0-9A-Za-z]{43}$/;

/** Base62 of 32 random bytes, left-padded to a fixed length. */
function base62(bytes: Buffer): string {
  let n = BigInt(`0x${bytes.toString("hex")}`);
  let out = "";
  while (n > 0n) {
    out = ALPHABET[Number(n % 62n)] + out;
    n /= 62n;
  }
  return out.padStart(BODY_LENGTH, "0");
}

export function newApiTokenSecret(): { secret: string; prefix: string; tokenHash: string } {
  const secret = TOKEN_PREFIX + base62(randomBytes(32));
  return { secret, prefix: secret.slice(0, SHOWN), tokenHash: hashToken(secret) };
}

/** Whether a bearer credential is a personal API token (rather than a JWT). */
export const isApiTokenCredential = (credential: string) => credential.startsWith(TOKEN_PREFIX);
