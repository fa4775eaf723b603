import { timingSafeEqual, createHash } from "node:crypto";
import type { NextRequest } from "next/server";
import { NotAuthenticatedError, NotFoundError, PayloadTooLargeError } from "@/lib/domain/errors";

/** An inbound route whose secret is not configured does not exist (404), rather than being open. */
export function requireConfigured(secret: string | null): string {
  if (!secret) throw new NotFoundError();
  return secret;
}

/** `Authorization: Bearer <secret>`, compared in constant time. */
export function assertBearer(req: NextRequest, secret: string): void {
  const m = /^Bearer\s+(.+)$/i.exec(req.headers.get("authorization") ?? "");
  const digest = (s: string) => createHash("sha256").update(s).digest();
  if (!m || !timingSafeEqual(digest(m[1].trim()), digest(secret))) {
    throw new NotAuthenticatedError("Invalid or missing inbound secret.");
  }
}

/**
 * The request body as bytes, refused with 413 past `maxBytes`: first by Content-Length, then
 * while reading (a chunked body has none), so an oversized message is never held in memory.
 */
export async function readLimited(req: NextRequest, maxBytes: number): Promise<Uint8Array> {
  const tooBig = () => new PayloadTooLargeError(`Message is larger than ${maxBytes} bytes.`);
  if (Number(req.headers.get("content-length") ?? 0) > maxBytes) throw tooBig();
  if (!req.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = req.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw tooBig();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}
