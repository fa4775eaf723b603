import fs from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { dataDir } from "@/lib/db/config";

let cached: string | undefined;

/**
 * The signing secret for sessions, API tokens and cursors. Production takes it only from
 * AUTH_SECRET and refuses to run without one; development generates one and keeps it in the
 * data folder so sessions survive restarts.
 */
export function authSecret(): string {
  if (cached) return cached;
  const fromEnv = process.env.AUTH_SECRET?.trim() || process.env.NEXTAUTH_SECRET?.trim();
  if (fromEnv) {
    if (fromEnv.length < 32) throw new Error("AUTH_SECRET must be at least 32 characters long.");
    return (cached = fromEnv);
  }
  if (process.env.NODE_ENV === "production") {
    throw new Error("AUTH_SECRET is not set. Production refuses to start without it (generate one with `openssl rand -base64 48`).");
  }
  const file = path.join(dataDir(), "auth-secret");
  try {
    return (cached = fs.readFileSync(file, "utf8").trim());
  } catch {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const secret = randomBytes(48).toString("base64url");
    try {
      fs.writeFileSync(file, secret, { flag: "wx", mode: 0o600 });
      return (cached = secret);
    } catch {
      return (cached = fs.readFileSync(file, "utf8").trim()); // another process won the race
    }
  }
}
