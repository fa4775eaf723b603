import { describe, expect, it } from "vitest";
import { addBusinessMinutes, businessMinutesBetween, calendarProblems, type BusinessCalendar, type TimeRange } from "./business-time";

const nineToFive: TimeRange[] = [{ start: "09:00", end: "17:00" }];
const weekdays = (zone: string, holidays: BusinessCalendar["holidays"] = []): BusinessCalendar => ({
  timeZone: zone,
  week: { mon: nineToFive, tue: nineToFive, wed: nineToFive, thu: nineToFive, fri: nineToFive },
  holidays,
});

const NY = weekdays("America/New_York", [{ date: "2026-06-04" }]);
const BERLIN = weekdays("Europe/Berlin", [{ date: "2025-12-25", recurring: true }, { date: "2026-12-26", recurring: false }]);
const NY_247: BusinessCalendar = { timeZone: "America/New_York", week: null, holidays: [] };
const BERLIN_247: BusinessCalendar = { timeZone: "Europe/Berlin", week: null, holidays: [] };
const NY_SUNDAYS: BusinessCalendar = { timeZone: "America/New_York", week: { sun: [{ start: "00:00", end: "24:00" }] }, holidays: [] };
const BERLIN_SUNDAYS: BusinessCalendar = { timeZone: "Europe/Berlin", week: { sun: [{ start: "00:00", end: "24:00" }] }, holidays: [] };
const SPLIT: BusinessCalendar = {
  timeZone: "Europe/Berlin",
  week: { mon: [{ start: "13:00", end: "17:00" }, { start: "08:00", end: "12:00" }] },
  holidays: [],
};

// Every instant is written with its local offset, so each row reads as wall-clock time in the
// calendar's zone and is still unambiguous in the hour a fall-back change repeats.
const ADD: [string, BusinessCalendar, string, number, string][] = [
  ["acceptance: Friday 17:30 + 4 h under Mon-Fri 9-17 is Monday 13:00", NY, "2026-12-04T17:30:00-05:00", 240, "2026-12-07T13:00:00-05:00"],
  ["inside the day", NY, "2026-12-01T10:00:00-05:00", 60, "2026-12-01T11:00:00-05:00"],
  ["before opening: counts from 9:00", NY, "2026-12-01T06:00:00-05:00", 30, "2026-12-01T09:30:00-05:00"],
  ["ends exactly at closing time", NY, "2026-12-01T15:00:00-05:00", 120, "2026-12-01T17:00:00-05:00"],
  ["overnight: the rest runs on from next morning", NY, "2026-12-01T16:00:00-05:00", 120, "2026-12-02T10:00:00-05:00"],
  ["weekend start waits for Monday", NY, "2026-12-05T12:00:00-05:00", 60, "2026-12-07T10:00:00-05:00"],
  ["a business week", NY, "2026-11-30T09:00:00-05:00", 5 * 480, "2026-12-04T17:00:00-05:00"],
  ["zero minutes is the start itself, even when closed", NY, "2026-12-05T12:00:00-05:00", 0, "2026-12-05T12:00:00-05:00"],
  ["one-off holiday is skipped", NY, "2026-06-03T16:00:00-04:00", 120, "2026-06-05T10:00:00-04:00"],
  ["one-off holiday does not recur next year", NY, "2027-06-03T16:00:00-04:00", 120, "2027-06-04T10:00:00-04:00"],
  ["recurring holiday (Christmas, listed for 2025) skipped in 2026", BERLIN, "2026-12-24T16:00:00+01:00", 120, "2026-12-28T10:00:00+01:00"],
  ["DST spring NY, 24/7: the skipped hour is not counted", NY_247, "2026-03-07T23:00:00-05:00", 240, "2026-03-08T04:00:00-04:00"],
  ["DST fall NY, 24/7: the repeated hour is counted", NY_247, "2026-10-31T23:00:00-04:00", 240, "2026-11-01T02:00:00-05:00"],
  ["DST spring Berlin, 24/7", BERLIN_247, "2026-03-28T23:00:00+01:00", 240, "2026-03-29T04:00:00+02:00"],
  ["DST fall Berlin, 24/7 (ends inside the repeated hour)", BERLIN_247, "2026-10-24T23:00:00+02:00", 240, "2026-10-25T02:00:00+01:00"],
  ["DST spring NY, business hours keep local 9-17", NY, "2026-03-06T16:00:00-05:00", 120, "2026-03-09T10:00:00-04:00"],
  ["DST fall NY, business hours keep local 9-17", NY, "2026-10-30T16:00:00-04:00", 120, "2026-11-02T10:00:00-05:00"],
  ["DST spring Berlin, business hours keep local 9-17", BERLIN, "2026-03-27T16:00:00+01:00", 120, "2026-03-30T10:00:00+02:00"],
  ["DST fall Berlin, business hours keep local 9-17", BERLIN, "2026-10-23T16:00:00+02:00", 120, "2026-10-26T10:00:00+01:00"],
  ["a 23-hour day (NY spring Sunday) open all day", NY_SUNDAYS, "2026-03-08T00:00:00-05:00", 24 * 60, "2026-03-15T01:00:00-04:00"],
  ["a 25-hour day (Berlin fall Sunday) open all day", BERLIN_SUNDAYS, "2026-10-25T00:00:00+02:00", 24 * 60, "2026-10-25T23:00:00+01:00"],
  ["split hours, ranges given out of order", SPLIT, "2026-12-07T11:00:00+01:00", 120, "2026-12-07T14:00:00+01:00"],
  ["split hours roll to next Monday", SPLIT, "2026-12-07T16:00:00+01:00", 120, "2026-12-14T09:00:00+01:00"],
];

describe("addBusinessMinutes", () => {
  it.each(ADD)("%s", (_label, cal, start, minutes, due) => {
    expect(addBusinessMinutes(new Date(start), minutes, cal).toISOString()).toBe(new Date(due).toISOString());
  });

  it.each(ADD)("and businessMinutesBetween gives the duration back: %s", (_label, cal, start, minutes) => {
    const s = new Date(start);
    expect(businessMinutesBetween(s, addBusinessMinutes(s, minutes, cal), cal)).toBe(minutes);
  });

  it("a calendar that never opens is an error, not an endless loop", () => {
    const closed: BusinessCalendar = { timeZone: "UTC", week: {}, holidays: [] };
    expect(() => addBusinessMinutes(new Date("2026-01-01T00:00:00Z"), 1, closed)).toThrow(/no opening hours/);
  });
});

const BETWEEN: [string, BusinessCalendar, string, string, number][] = [
  ["Friday 17:30 to Monday 13:00", NY, "2026-12-04T17:30:00-05:00", "2026-12-07T13:00:00-05:00", 240],
  ["a whole weekend is nothing", NY, "2026-12-05T00:00:00-05:00", "2026-12-07T00:00:00-05:00", 0],
  ["overnight counts only the open hours", NY, "2026-12-01T16:00:00-05:00", "2026-12-02T10:00:00-05:00", 120],
  ["backwards is negative", NY, "2026-12-02T10:00:00-05:00", "2026-12-01T16:00:00-05:00", -120],
  ["recurring holiday counts nothing", BERLIN, "2026-12-25T00:00:00+01:00", "2026-12-26T00:00:00+01:00", 0],
  ["the 23-hour NY spring day", NY_247, "2026-03-08T00:00:00-05:00", "2026-03-09T00:00:00-04:00", 23 * 60],
  ["the 25-hour Berlin fall day", BERLIN_247, "2026-10-25T00:00:00+02:00", "2026-10-26T00:00:00+01:00", 25 * 60],
  ["DST spring Berlin business week", BERLIN, "2026-03-27T09:00:00+01:00", "2026-03-30T17:00:00+02:00", 960],
];

describe("businessMinutesBetween", () => {
  it.each(BETWEEN)("%s", (_label, cal, a, b, minutes) => {
    expect(businessMinutesBetween(new Date(a), new Date(b), cal)).toBe(minutes);
  });
});

describe("calendarProblems", () => {
  it.each([
    ["a valid calendar", NY, 0],
    ["24/7", NY_247, 0],
    ["an unknown zone", { ...NY, timeZone: "Mars/Olympus" }, 1],
    ["a range that ends before it starts", { ...NY, week: { mon: [{ start: "17:00", end: "09:00" }] } }, 2],
    ["a malformed time", { ...NY, week: { mon: [{ start: "9am", end: "17:00" }] } }, 2],
    ["a malformed holiday", { ...NY, holidays: [{ date: "2026-13-01" }] }, 1],
  ] as [string, BusinessCalendar, number][])("%s", (_label, cal, n) => {
    expect(calendarProblems(cal)).toHaveLength(n);
  });
});
