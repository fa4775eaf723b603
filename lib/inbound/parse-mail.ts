import { convert } from "html-to-text";
import { simpleParser, type AddressObject, type Attachment } from "mailparser";
import { bareAddress } from "./config";
import { extractReply } from "./extract-reply";

/** A message that can never be processed, however often it is retried (dead-lettered at once). */
export class PermanentInboundError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PermanentInboundError";
  }
}

export interface ParsedAttachment {
  name: string;
  bytes: Uint8Array;
  inline: boolean;
}

export interface ParsedMail {
  messageId: string | null;
  from: string;
  fromName: string;
  /** Every recipient address (To, Cc, Delivered-To, X-Original-To), lowercased. */
  recipients: string[];
  subject: string;
  /** The new text of the message (quoted history, signature and mobile footers removed). */
  text: string;
  /** In-Reply-To first, then References, newest first. */
  threadIds: string[];
  headers: Map<string, unknown>;
  attachments: ParsedAttachment[];
}

function addresses(a: AddressObject | AddressObject[] | undefined): { address: string; name: string }[] {
  const list = Array.isArray(a) ? a : a ? [a] : [];
  return list.flatMap((o) => o.value.flatMap((v) => (v.group ? v.group : [v]))).map((v) => ({
    address: (v.address ?? "").trim().toLowerCase(),
    name: v.name ?? "",
  }));
}

function headerText(v: unknown): string {
  if (v == null) return "";
  if (typeof v === "string") return v;
  if (Array.isArray(v)) return v.map(headerText).join(" ");
  if (typeof v === "object" && "value" in (v as object)) return String((v as { value: unknown }).value);
  return String(v);
}

const EXT_BY_TYPE: Record<string, string> = {
  "image/png": "png", "image/jpeg": "jpg", "image/gif": "gif", "image/webp": "webp",
  "application/pdf": "pdf", "text/plain": "txt", "text/csv": "csv", "application/zip": "zip",
};

function attachmentName(a: Attachment, i: number): string {
  if (a.filename) return a.filename;
  const ext = EXT_BY_TYPE[a.contentType] ?? "bin";
  return `${a.related || a.contentDisposition === "inline" ? "inline" : "attachment"}-${i + 1}.${ext}`;
}

/** The Message-ID of a raw message without parsing the body (for dedupe at receive time). */
export function rawMessageId(raw: Uint8Array): string | null {
  const text = Buffer.from(raw.subarray(0, 64 * 1024)).toString("latin1");
  const end = text.search(/\r?\n\r?\n/);
  const head = (end >= 0 ? text.slice(0, end) : text).replace(/\r?\n[ \t]+/g, " ");
  const m = /^message-id:\s*<?([^>\s]+)>?/im.exec(head);
  return m ? m[1].slice(0, 500) : null;
}

export async function parseMail(raw: Uint8Array): Promise<ParsedMail> {
  let mail;
  try {
    mail = await simpleParser(Buffer.from(raw), { skipImageLinks: true });
  } catch (e) {
    throw new PermanentInboundError(`unparseable message: ${e instanceof Error ? e.message : String(e)}`);
  }
  const from = addresses(mail.from)[0];
  if (!from?.address || !from.address.includes("@")) throw new PermanentInboundError("no sender address (From) in the message");
  const recipients = new Set<string>();
  for (const r of [...addresses(mail.to), ...addresses(mail.cc)]) if (r.address) recipients.add(r.address);
  for (const h of ["delivered-to", "x-original-to"]) {
    const v = headerText(mail.headers.get(h));
    if (v) for (const part of v.split(/[\s,]+/)) if (part.includes("@")) recipients.add(bareAddress(part));
  }
  const refs = Array.isArray(mail.references) ? mail.references : mail.references ? [mail.references] : [];
  const threadIds = [...(mail.inReplyTo ? [mail.inReplyTo] : []), ...[...refs].reverse()]
    .flatMap((s) => s.split(/\s+/))
    .filter(Boolean);
  // HTML-only mail: converted to text here (mailparser does not for every structure, e.g.
  // multipart/related); scripts, styles and images are dropped, so no markup is ever stored.
  const body = mail.text?.trim()
    ? mail.text
    : typeof mail.html === "string"
      ? convert(mail.html, { wordwrap: false, selectors: [{ selector: "img", format: "skip" }, { selector: "a", options: { ignoreHref: true } }] })
      : "";
  return {
    messageId: mail.messageId ? mail.messageId.replace(/^<|>$/g, "") : null,
    from: from.address,
    fromName: from.name,
    recipients: [...recipients],
    subject: (mail.subject ?? "").trim(),
    text: extractReply(body),
    threadIds,
    headers: mail.headers,
    attachments: mail.attachments.map((a, i) => ({
      name: attachmentName(a, i),
      bytes: new Uint8Array(a.content),
      inline: Boolean(a.related) || a.contentDisposition === "inline",
    })),
  };
}

/**
 * Why a message must not be answered or posted, or null. Auto-replies, bounces and bulk mail
 * are what turns two automatic systems into a mail loop (RFC 3834), so they never get here.
 */
export function automatedReason(m: ParsedMail, own: { addresses: string[]; domain: string | null }): string | null {
  const h = (name: string) => headerText(m.headers.get(name)).trim().toLowerCase();
  const ct = m.headers.get("content-type") as { value?: string } | undefined;
  if (ct?.value?.toLowerCase() === "multipart/report") return "delivery report (bounce)";
  const auto = h("auto-submitted");
  if (auto && auto !== "no") return `Auto-Submitted: ${auto}`;
  const local = m.from.split("@")[0];
  if (/^(mailer-daemon|postmaster|mail-daemon|bounces?|no-?reply)$/.test(local)) return `automated sender ${m.from}`;
  const precedence = h("precedence");
  if (/^(bulk|junk|list|auto_reply)$/.test(precedence)) return `Precedence: ${precedence}`;
  if (h("x-autoreply") || h("x-autorespond") || h("x-autoresponder")) return "auto-reply header";
  const domain = m.from.split("@")[1];
  if (own.addresses.includes(m.from) || (own.domain && domain === own.domain)) return `sent from our own address ${m.from}`;
  return null;
}
