import { Resend } from "resend";
import type { InboundConfig } from "./config";
import { PermanentInboundError } from "./parse-mail";

/**
 * The raw RFC 822 message of a mail Resend received: the receiving API (GET
 * /emails/receiving/{id}) answers with a short-lived download URL for it. Parsing the raw
 * message ourselves keeps one pipeline for every way mail comes in.
 */
export async function fetchResendRaw(emailId: string, cfg: InboundConfig): Promise<Uint8Array> {
  if (!cfg.resendApiKey) throw new Error("RESEND_API_KEY is not set: cannot fetch a received email from Resend.");
  const client = new Resend(cfg.resendApiKey, { baseUrl: cfg.resendBaseUrl });
  const signal = AbortSignal.timeout(cfg.resendTimeoutMs);
  const { data, error } = await client.emails.receiving.get(emailId, undefined, { signal });
  if (error) {
    const msg = `Resend ${error.statusCode ?? "network error"} ${error.name}: ${error.message}`;
    if (error.statusCode === 404) throw new PermanentInboundError(msg);
    throw new Error(msg);
  }
  const url = data?.raw?.download_url;
  if (!url) throw new PermanentInboundError("Resend returned no raw message for this email");
  const res = await fetch(url, { signal: AbortSignal.timeout(cfg.resendTimeoutMs) });
  if (!res.ok) throw new Error(`downloading the raw message failed: HTTP ${res.status}`);
  const len = Number(res.headers.get("content-length") ?? 0);
  if (len > cfg.maxBytes) throw new PermanentInboundError(`message is larger than ${cfg.maxBytes} bytes`);
  const bytes = new Uint8Array(await res.arrayBuffer());
  if (bytes.byteLength > cfg.maxBytes) throw new PermanentInboundError(`message is larger than ${cfg.maxBytes} bytes`);
  return bytes;
}
