import fs from "node:fs";

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/**
 * The pixel size of a PNG file, read from its IHDR chunk (the first chunk of every PNG), or
 * null when the file is not a PNG. Enough to check that a screenshot is a real picture of
 * the size the test asked for; no image library needed.
 */
export function pngSize(file: string): { width: number; height: number; bytes: number } | null {
  const buf = fs.readFileSync(file);
  if (buf.length < 24 || SIGNATURE.some((b, i) => buf[i] !== b) || buf.toString("ascii", 12, 16) !== "IHDR") return null;
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20), bytes: buf.length };
}
