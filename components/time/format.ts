/**
 * Pure time formatting shared by server and client components. Every function takes the time
 * zone explicitly: the server formats in the zone the browser reported (cookie), the browser
 * in its own, so the first paint already shows the viewer's local time.
 */
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

export function formatAbsolute(iso: string, tz: string, withYear = false): string {
  return new Intl.DateTimeFormat("en-US", {
    timeZone: tz,
    month: "short",
    day: "numeric",
    ...(withYear ? { year: "numeric" } : {}),
    hour: "numeric",
    minute: "2-digit",
  }).format(new Date(iso));
}

/** A calendar day in the zone: "Dec 6, 2026". */
export function formatDay(iso: string, tz: string): string {
  return new Intl.DateTimeFormat("en-US", { timeZone: tz, dateStyle: "medium" }).format(new Date(iso));
}

export function formatFull(iso: string, tz: string): string {
  return new Intl.DateTimeFormat("en-US", {
    timeZone: tz,
    dateStyle: "full",
    timeStyle: "short",
  }).format(new Date(iso));
}

/** "just now", "5 min ago", "3 h ago", "yesterday", then a local date. */
export function formatRelative(iso: string, now: number, tz: string): string {
  const t = new Date(iso).getTime();
  const diff = now - t;
  if (diff < 0) return formatAbsolute(iso, tz);
  if (diff < MIN) return "just now";
  if (diff < HOUR) return `${Math.floor(diff / MIN)} min ago`;
  if (diff < DAY) return `${Math.floor(diff / HOUR)} h ago`;
  if (diff < 2 * DAY) return "yesterday";
  if (diff < 7 * DAY) return `${Math.floor(diff / DAY)} days ago`;
  const sameYear = new Date(t).getUTCFullYear() === new Date(now).getUTCFullYear();
  return formatAbsolute(iso, tz, !sameYear).replace(/,? \d+:\d+ [AP]M$/, "");
}

/** A compact duration: "2d 4h", "3h 12m", "14m", "45s". */
export function formatDuration(ms: number): string {
  const s = Math.floor(Math.abs(ms) / 1000);
  const d = Math.floor(s / 86400);
  const h = Math.floor((s % 86400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  if (d > 0) return `${d}d ${h}h`;
  if (h > 0) return `${h}h ${m}m`;
  if (m > 0) return `${m}m`;
  return `${s % 60}s`;
}

export function isValidTimeZone(tz: string | undefined): tz is string {
  if (!tz || tz.length > 64) return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}
