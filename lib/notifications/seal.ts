import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { authSecret } from "@/lib/auth/secret";

/*
 * Account emails carry a one-time link, and the outbox row must hold it until the worker sends
 * it. It is kept there sealed (AES-256-GCM under a key derived from AUTH_SECRET), so a copy of
 * the database alone yields no usable link: only the hash of the token is stored in the clear.
 */
function key(): Buffer {
  return createHash("sha256").update(`caseflow-outbox-link-v1|${authSecret()}`).digest();
}

export function seal(plain: string): string {
  const iv = randomBytes(12);
  const c = createCipheriv("aes-256-gcm", key(), iv);
  const body = Buffer.concat([c.update(plain, "utf8"), c.final()]);
  return ["v1", iv.toString("base64url"), body.toString("base64url"), c.getAuthTag().toString("base64url")].join(".");
}

export function unseal(sealed: string): string {
  const [v, iv, body, tag] = sealed.split(".");
  if (v !== "v1" || !iv || body === undefined || !tag) throw new Error("Not a sealed value.");
  const d = createDecipheriv("aes-256-gcm", key(), Buffer.from(iv, "base64url"));
  d.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([d.update(Buffer.from(body, "base64url")), d.final()]).toString("utf8");
}
