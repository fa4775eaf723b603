import { createHash } from "node:crypto";
import { PayloadTooLargeError, UnsupportedMediaTypeError, ValidationError } from "../errors";

/** An uploaded file as the edge hands it to the domain. */
export interface UploadInput {
  name: string;
  bytes: Uint8Array;
}

export interface PreparedUpload {
  name: string;
  contentType: string;
  size: number;
  sha256: string;
  bytes: Uint8Array;
}

export function uploadLimits(env: NodeJS.ProcessEnv = process.env) {
  const num = (v: string | undefined, d: number) => {
    const n = Number(v);
    return Number.isFinite(n) && n > 0 ? n : d;
  };
  const maxFileBytes = Math.floor(num(env.UPLOAD_MAX_FILE_MB, 10) * 1024 * 1024);
  const maxFiles = Math.floor(num(env.UPLOAD_MAX_FILES, 5));
  return { maxFileBytes, maxFiles, maxRequestBytes: maxFileBytes * maxFiles + 1024 * 1024 };
}

/**
 * Allowed types, decided from the bytes (magic numbers), never from what the client claims.
 * The extension must agree with the content, so "invoice.pdf" holding HTML is refused.
 */
const KINDS: { type: string; exts: string[]; test: (b: Uint8Array) => boolean }[] = [
  { type: "image/png", exts: ["png"], test: (b) => starts(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  { type: "image/jpeg", exts: ["jpg", "jpeg"], test: (b) => starts(b, [0xff, 0xd8, 0xff]) },
  { type: "image/gif", exts: ["gif"], test: (b) => ascii(b, 0, "GIF87a") || ascii(b, 0, "GIF89a") },
  { type: "image/webp", exts: ["webp"], test: (b) => ascii(b, 0, "RIFF") && ascii(b, 8, "WEBP") },
  { type: "application/pdf", exts: ["pdf"], test: (b) => ascii(b, 0, "%PDF-") },
  {
    type: "application/zip",
    exts: ["zip", "docx", "xlsx", "pptx", "odt", "ods"],
    test: (b) => starts(b, [0x50, 0x4b, 0x03, 0x04]),
  },
  { type: "text/plain", exts: ["txt", "log", "csv", "md", "json", "eml"], test: isText },
];

const OOXML: Record<string, string> = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  pptx: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
  odt: "application/vnd.oasis.opendocument.text",
  ods: "application/vnd.oasis.opendocument.spreadsheet",
  csv: "text/csv",
};

function starts(b: Uint8Array, sig: number[]) {
  return b.length >= sig.length && sig.every((v, i) => b[i] === v);
}
function ascii(b: Uint8Array, at: number, s: string) {
  if (b.length < at + s.length) return false;
  for (let i = 0; i < s.length; i++) if (b[at + i] !== s.charCodeAt(i)) return false;
  return true;
}
function isText(b: Uint8Array) {
  if (b.includes(0)) return false;
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(b);
    return true;
  } catch {
    return false;
  }
}

/** Keeps a safe display/download name: no paths, no control or shell-hostile characters. */
export function sanitizeFileName(raw: string): string {
  const base = raw.split(/[\\/]/).pop() ?? "";
  const cleaned = base
    .normalize("NFC")
    .replace(/[\u0000-\u001f\u007f"<>:|?*;`$]/g, "")
    .replace(/\s+/g, " ")
    .replace(/^[.\s]+/, "")
    .trim();
  if (!cleaned) return "file";
  if (cleaned.length <= 150) return cleaned;
  const dot = cleaned.lastIndexOf(".");
  const ext = dot > 0 && cleaned.length - dot <= 10 ? cleaned.slice(dot) : "";
  return cleaned.slice(0, 150 - ext.length) + ext;
}

export function prepareUploads(files: UploadInput[], field = "files"): PreparedUpload[] {
  const limits = uploadLimits();
  if (files.length > limits.maxFiles) {
    throw new PayloadTooLargeError(`Too many files: at most ${limits.maxFiles} per message.`);
  }
  return files.map((f) => {
    if (f.bytes.byteLength > limits.maxFileBytes) {
      throw new PayloadTooLargeError(
        `File "${sanitizeFileName(f.name)}" is larger than ${Math.round(limits.maxFileBytes / 1048576)} MB.`,
      );
    }
    if (f.bytes.byteLength === 0) {
      throw ValidationError.field(field, "The submitted file is empty.");
    }
    const name = sanitizeFileName(f.name);
    const ext = name.includes(".") ? name.split(".").pop()!.toLowerCase() : "";
    const kind = KINDS.find((k) => k.test(f.bytes));
    if (!kind || !kind.exts.includes(ext)) {
      throw new UnsupportedMediaTypeError(
        `File "${name}" has an unsupported type. Allowed: images (png, jpg, gif, webp), pdf, text (txt, csv, log, md, json), zip and office documents.`,
      );
    }
    return {
      name,
      contentType: OOXML[ext] ?? kind.type,
      size: f.bytes.byteLength,
      sha256: createHash("sha256").update(f.bytes).digest("hex"),
      bytes: f.bytes,
    };
  });
}
