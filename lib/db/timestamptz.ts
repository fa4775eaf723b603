import pg from "pg";
import { daysFromCivil } from "@/lib/time/iso";

const TIMESTAMPTZ = 1184;
const standard = pg.types.getTypeParser(TIMESTAMPTZ, "text") as (text: string) => Date;

function digits(s: string, from: number, n: number): number {
  let v = 0;
  for (let i = from; i < from + n; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return NaN;
    v = v * 10 + c;
  }
  return v;
}

/**
 * PostgreSQL's text form of a timestamptz (`2026-12-06 05:19:00.123+00`, the fraction and the
 * offset's minutes and seconds optional) as a Date, by arithmetic; anything else (a year past
 * 9999, BC, ±infinity) through pg's own parser. Sub-millisecond digits are dropped, as pg does.
 */
export function parseTimestamptz(s: string): Date {
  if (s.length < 22 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45 || s.charCodeAt(10) !== 32 || s.charCodeAt(13) !== 58 || s.charCodeAt(16) !== 58) {
    return standard(s);
  }
  const y = digits(s, 0, 4), mo = digits(s, 5, 2), d = digits(s, 8, 2), h = digits(s, 11, 2), mi = digits(s, 14, 2), sec = digits(s, 17, 2);
  let i = 19;
  let ms = 0;
  if (s.charCodeAt(i) === 46) {
    let scale = 100;
    for (i++; i < s.length; i++) {
      const c = s.charCodeAt(i) - 48;
      if (c < 0 || c > 9) break;
      ms += c * scale;
      scale /= 10;
    }
    ms = Math.floor(ms);
  }
  const sign = s.charCodeAt(i) === 43 ? 1 : s.charCodeAt(i) === 45 ? -1 : 0;
  const rest = s.length - i - 1;
  if (sign === 0 || (rest !== 2 && rest !== 5 && rest !== 8)) return standard(s);
  const oh = digits(s, i + 1, 2);
  const om = rest >= 5 && s.charCodeAt(i + 3) === 58 ? digits(s, i + 4, 2) : rest >= 5 ? NaN : 0;
  const os = rest === 8 && s.charCodeAt(i + 6) === 58 ? digits(s, i + 7, 2) : rest === 8 ? NaN : 0;
  const t = ((daysFromCivil(y, mo, d) * 24 + h) * 60 + mi) * 60_000 + sec * 1000 + ms - sign * (oh * 3600 + om * 60 + os) * 1000;
  return Number.isFinite(t) && mo >= 1 && mo <= 12 && d >= 1 && d <= 31 ? new Date(t) : standard(s);
}

/** pg's type parsers with the fast timestamptz one, for one query's `types` option. */
export const rowTypes = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === TIMESTAMPTZ && format !== "binary" ? parseTimestamptz : pg.types.getTypeParser(oid, format ?? "text")) as pg.CustomTypesConfig["getTypeParser"],
};
