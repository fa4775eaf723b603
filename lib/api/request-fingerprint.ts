import { createHash } from "node:crypto";
import type { NextRequest } from "next/server";

const sha256 = (data: string | Uint8Array) => createHash("sha256").update(data).digest("hex");

/** JSON with object keys sorted, so a re-serialised retry of the same object matches. */
function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(",")}]`;
  if (v && typeof v === "object") {
    const entries = Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, x]) => `${JSON.stringify(k)}:${canonicalJson(x)}`).join(",")}}`;
  }
  return JSON.stringify(v) ?? "null";
}

/**
 * Form bodies by their parsed fields and file hashes, not their raw bytes: a client that
 * retries the same form gets a new multipart boundary, so the bytes differ every time.
 * Fields are ordered by name (keeping the order of repeated fields, which is meaningful).
 */
async function formDigest(req: NextRequest): Promise<string | null> {
  let form: FormData;
  try {
    form = await req.clone().formData();
  } catch {
    return null;
  }
  const parts: [string, string][] = [];
  for (const [field, value] of form.entries()) {
    if (typeof value === "string") parts.push([field, `s:${value}`]);
    else parts.push([field, `f:${value.name}:${sha256(new Uint8Array(await value.arrayBuffer()))}`]);
  }
  parts.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify(parts);
}

async function rawDigest(req: NextRequest, json: boolean): Promise<string> {
  const bytes = new Uint8Array(await req.clone().arrayBuffer());
  if (json) {
    try {
      const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
      return text.trim() ? `j:${canonicalJson(JSON.parse(text))}` : "j:{}";
    } catch {
      // Not JSON: the handler refuses it; the bytes still identify the request.
    }
  }
  return `b:${sha256(bytes)}`;
}

/**
 * What makes two requests "the same request" for an Idempotency-Key: method, path with query,
 * kind of body and body content, as a sha256 hex digest. The body is read from a clone, so
 * the handler can still read the request. Returns null for a body declared larger than
 * maxBytes: no handler accepts one (they answer 413), so it is not worth reading twice.
 */
export async function requestFingerprint(req: NextRequest, maxBytes: number): Promise<string | null> {
  const declared = Number(req.headers.get("content-length") ?? 0);
  if (declared > maxBytes) return null;
  const type = (req.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
  const form = type === "multipart/form-data" || type === "application/x-www-form-urlencoded";
  const json = type === "" || type === "application/json" || type.endsWith("+json");
  const body = (form ? await formDigest(req) : null) ?? (await rawDigest(req, json));
  return sha256(`${req.method} ${req.nextUrl.pathname}${req.nextUrl.search}\n${form ? "form" : type}\n${body}`);
}
