import { describe, expect, it } from "vitest";
import pg from "pg";
import { isoString } from "./iso";
import { parseTimestamptz } from "@/lib/db/timestamptz";

const standard = pg.types.getTypeParser(1184, "text") as (s: string) => Date;

function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const EDGES = [0, 1, 999, 1000, 86_399_999, 86_400_000, 951_782_400_000 /* 2000-02-29 */, 4_107_542_399_999 /* 2100-02-28T23:59:59.999 */, 253_402_300_799_999, 253_402_300_800_000, -1, -62_135_596_800_000, 8.64e15];

describe("isoString", () => {
  it("writes exactly what Date#toISOString writes, for edges and 100,000 random instants (1900 to 10000 and beyond)", () => {
    const r = rng(1);
    const times = [...EDGES, ...Array.from({ length: 100_000 }, () => Math.floor(-2.3e12 + r() * 2.6e14))];
    for (const t of times) expect(isoString(new Date(t)), String(t)).toBe(new Date(t).toISOString());
  });

  it("still throws for an invalid date, as toISOString does", () => {
    expect(() => isoString(new Date(NaN))).toThrow(RangeError);
  });
});

describe("parseTimestamptz", () => {
  const pad = (n: number, w = 2) => String(n).padStart(w, "0");
  /** A timestamptz as PostgreSQL writes it, in the session's offset, trailing fraction zeros trimmed. */
  function pgText(t: number, offsetSeconds: number, micros: number): string {
    const d = new Date(t + offsetSeconds * 1000);
    const frac = (String(d.getUTCMilliseconds() * 1000 + micros).padStart(6, "0")).replace(/0+$/, "");
    const sign = offsetSeconds < 0 ? "-" : "+";
    const o = Math.abs(offsetSeconds);
    const off = `${sign}${pad(Math.floor(o / 3600))}${o % 3600 ? `:${pad(Math.floor((o % 3600) / 60))}` : ""}${o % 60 ? `:${pad(o % 60)}` : ""}`;
    return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}${frac ? `.${frac}` : ""}${off}`;
  }

  it("reads what pg's own parser reads, for random instants, offsets and fractions", () => {
    const r = rng(2);
    const offsets = [0, 3600, -18_000, 19_800 /* +05:30 */, -34_200, 50_400, -3_600 - 1_800 - 7, 2_700];
    let n = 0;
    for (let i = 0; i < 50_000; i++) {
      const t = Math.floor(r() * 2.5e14);
      const text = pgText(t, offsets[i % offsets.length], Math.floor(r() * 1000) * (i % 3 === 0 ? 1 : 0));
      expect(parseTimestamptz(text).getTime(), text).toBe(standard(text).getTime());
      n++;
    }
    expect(n).toBe(50_000);
  });

  it("hands the forms it does not read itself to pg's parser", () => {
    for (const text of ["infinity", "-infinity", "0044-03-15 12:00:00+00 BC", "12345-01-01 00:00:00+00", "2026-12-06 05:19:00.5+05:30"]) {
      // pg's parser answers ±Infinity (numbers) for the infinite timestamps.
      const value = (x: unknown) => (x instanceof Date ? x.getTime() : x);
      expect(value(parseTimestamptz(text)), text).toEqual(value(standard(text)));
    }
  });
});
