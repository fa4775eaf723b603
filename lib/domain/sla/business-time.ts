import { DateTime } from "luxon";

/**
 * Business-time arithmetic: how far a duration reaches when only a calendar's opening hours
 * count, and how much business time lies between two instants. Pure (no database, no clock).
 *
 * A calendar is weekly opening hours in an IANA zone plus holidays. Opening hours are local
 * wall-clock times: "09:00-17:00" is 9 to 5 in the calendar's zone whatever its UTC offset
 * that day, and a minute of business time is a real elapsed minute inside an opening range
 * (a 24/7 day across a DST change counts 23 or 25 hours, as the clock on the wall does).
 */

export const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Local wall-clock range "HH:MM" to "HH:MM" (end "24:00" = midnight at the end of the day). */
export interface TimeRange {
  start: string;
  end: string;
}

export interface Holiday {
  /** YYYY-MM-DD, a local date in the calendar's zone. */
  date: string;
  /** Every year on the same month and day. */
  recurring?: boolean;
}

export interface BusinessCalendar {
  /** IANA zone, e.g. "Europe/Berlin". */
  timeZone: string;
  /** Opening hours per weekday; null: open around the clock (24/7). */
  week: Partial<Record<Weekday, TimeRange[]>> | null;
  holidays: Holiday[];
}

export const ALWAYS_OPEN: BusinessCalendar = { timeZone: "UTC", week: null, holidays: [] };

const MINUTE = 60_000;
/** How many local days a search walks before deciding the calendar never opens. */
const MAX_DAYS = 366 * 5;

const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$|^24:00$/;

/** Minutes after local midnight of "HH:MM" (24:00 = 1440), or null when malformed. */
export function parseClock(s: string): number | null {
  if (!HHMM.test(s)) return null;
  const [h, m] = s.split(":").map(Number);
  return h * 60 + m;
}

export function isValidZone(zone: string): boolean {
  return DateTime.now().setZone(zone).isValid;
}

/** Problems with a calendar, as messages (empty when it is usable). */
export function calendarProblems(cal: BusinessCalendar): string[] {
  const out: string[] = [];
  if (!isValidZone(cal.timeZone)) out.push(`Unknown time zone "${cal.timeZone}".`);
  if (cal.week) {
    let open = false;
    for (const [day, ranges] of Object.entries(cal.week)) {
      if (!(WEEKDAYS as readonly string[]).includes(day)) out.push(`Unknown weekday "${day}".`);
      for (const r of ranges ?? []) {
        const a = parseClock(r.start);
        const b = parseClock(r.end);
        if (a == null || b == null) out.push(`${day}: times must be HH:MM (24:00 allowed as an end).`);
        else if (a >= b) out.push(`${day}: ${r.start}-${r.end} must end after it starts.`);
        else open = true;
      }
    }
    if (!open) out.push("The calendar has no opening hours.");
  }
  for (const h of cal.holidays) {
    if (!DateTime.fromISO(h.date, { zone: "UTC" }).isValid || !/^\d{4}-\d{2}-\d{2}$/.test(h.date)) out.push(`Holiday "${h.date}" is not a YYYY-MM-DD date.`);
  }
  return out;
}

function isHoliday(cal: BusinessCalendar, day: DateTime): boolean {
  const iso = day.toISODate()!;
  const md = iso.slice(5);
  return cal.holidays.some((h) => h.date === iso || (h.recurring && h.date.slice(5) === md));
}

/** The opening ranges of one local day as real instants (ms), in order, merged where they touch. */
function openRanges(cal: BusinessCalendar, day: DateTime): [number, number][] {
  if (isHoliday(cal, day)) return [];
  const midnight = day.startOf("day");
  const at = (minutes: number) =>
    minutes >= 1440 ? midnight.plus({ days: 1 }).startOf("day").toMillis() : midnight.set({ hour: Math.floor(minutes / 60), minute: minutes % 60 }).toMillis();
  if (cal.week == null) return [[midnight.toMillis(), at(1440)]];
  const ranges = (cal.week[WEEKDAYS[day.weekday - 1]] ?? [])
    .map((r) => [parseClock(r.start), parseClock(r.end)] as const)
    .filter((r): r is readonly [number, number] => r[0] != null && r[1] != null && r[0] < r[1])
    .sort((x, y) => x[0] - y[0]);
  const out: [number, number][] = [];
  for (const [a, b] of ranges) {
    // A wall-clock time skipped by a DST change resolves forward, so a range never inverts.
    const s = at(a);
    const e = Math.max(s, at(b));
    const last = out[out.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else if (e > s) out.push([s, e]);
  }
  return out;
}

const plainClock = (cal: BusinessCalendar) => cal.week == null && cal.holidays.length === 0;

/**
 * The instant `minutes` of business time after `start`. Starting outside opening hours, the
 * count begins when the calendar next opens; 0 minutes is `start` itself.
 */
export function addBusinessMinutes(start: Date, minutes: number, cal: BusinessCalendar): Date {
  if (minutes <= 0) return new Date(start.getTime());
  if (plainClock(cal)) return new Date(start.getTime() + minutes * MINUTE);
  let left = minutes * MINUTE;
  let day = DateTime.fromJSDate(start, { zone: cal.timeZone }).startOf("day");
  const from = start.getTime();
  for (let i = 0; i < MAX_DAYS; i++, day = day.plus({ days: 1 })) {
    for (const [a, b] of openRanges(cal, day)) {
      const s = Math.max(a, from);
      if (s >= b) continue;
      if (left <= b - s) return new Date(s + left);
      left -= b - s;
    }
  }
  throw new Error("The business calendar has no opening hours within five years.");
}

/**
 * Business minutes from `a` to `b` (negative when b is before a): the opening time the two
 * instants enclose.
 */
export function businessMinutesBetween(a: Date, b: Date, cal: BusinessCalendar): number {
  const from = a.getTime();
  const to = b.getTime();
  if (to < from) return -businessMinutesBetween(b, a, cal);
  if (plainClock(cal)) return (to - from) / MINUTE;
  let ms = 0;
  let day = DateTime.fromJSDate(a, { zone: cal.timeZone }).startOf("day");
  while (day.toMillis() < to) {
    for (const [s, e] of openRanges(cal, day)) {
      const lo = Math.max(s, from);
      const hi = Math.min(e, to);
      if (hi > lo) ms += hi - lo;
    }
    day = day.plus({ days: 1 }).startOf("day");
  }
  return ms / MINUTE;
}
