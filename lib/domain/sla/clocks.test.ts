import { describe, expect, it } from "vitest";
import type { BusinessCalendar, TimeRange } from "./business-time";
import {
  NO_CLOCKS,
  onAgentReplyClocks,
  onCustomerReplyClocks,
  onStatusClocks,
  retargetClocks,
  slaDueAt,
  startClocks,
  warnAt,
  type ClockRules,
  type ClockState,
} from "./clocks";

const h: TimeRange[] = [{ start: "09:00", end: "17:00" }];
const NY: BusinessCalendar = { timeZone: "America/New_York", week: { mon: h, tue: h, wed: h, thu: h, fri: h }, holidays: [] };
const BERLIN: BusinessCalendar = { ...NY, timeZone: "Europe/Berlin" };
const ALWAYS: BusinessCalendar = { timeZone: "UTC", week: null, holidays: [] };

const rules = (calendar: BusinessCalendar, firstResponse: number | null, nextResponse: number | null, resolution: number | null): ClockRules => ({
  calendar,
  targets: { firstResponse, nextResponse, resolution },
});
const NY_RULES = rules(NY, 240, 120, 960);
const BERLIN_RULES = rules(BERLIN, 60, 60, 480);
const d = (s: string) => new Date(s);
const iso = (x: Date | null) => x?.toISOString() ?? null;
const state = (over: Partial<ClockState>): ClockState => ({ ...NO_CLOCKS, ...over });

describe("startClocks", () => {
  it.each([
    ["acceptance: Friday 17:30, 4 h first response -> Monday 13:00", "new", NY_RULES, "2026-12-04T17:30:00-05:00", "2026-12-07T13:00:00-05:00", "2026-12-08T17:00:00-05:00", false],
    ["no first-response target: only resolution", "new", rules(NY, null, null, 960), "2026-12-04T17:30:00-05:00", null, "2026-12-08T17:00:00-05:00", false],
    ["created pending: paused from the start", "pending", NY_RULES, "2026-12-01T10:00:00-05:00", "2026-12-01T14:00:00-05:00", "2026-12-03T10:00:00-05:00", true],
    ["created resolved: nothing runs", "resolved", NY_RULES, "2026-12-01T10:00:00-05:00", null, null, false],
  ] as const)("%s", (_l, status, r, at, fr, res, paused) => {
    const s = startClocks(status, r, d(at));
    expect(iso(s.firstResponseDueAt)).toBe(fr && d(fr).toISOString());
    expect(iso(s.resolutionDueAt)).toBe(res && d(res).toISOString());
    expect(s.pausedAt != null).toBe(paused);
    expect(iso(slaDueAt(s))).toBe(paused || (!fr && !res) ? null : d(fr ?? res!).toISOString());
  });
});

// Each row: a sequence of events from a fresh ticket, then the expected due times.
type Ev =
  | ["create", string]
  | ["agent", string]
  | ["customer", string]
  | ["status", string, string, string];
const SEQUENCES: [string, ClockRules, Ev[], { fr: string | null; next: string | null; res: string | null; paused: boolean; elapsed?: number }][] = [
  [
    "agent reply meets the first response; resolution keeps running",
    NY_RULES,
    [["create", "2026-12-01T10:00:00-05:00"], ["agent", "2026-12-01T11:00:00-05:00"]],
    { fr: null, next: null, res: "2026-12-03T10:00:00-05:00", paused: false },
  ],
  [
    "customer reply after the first response starts next response (overnight)",
    NY_RULES,
    [["create", "2026-12-01T10:00:00-05:00"], ["agent", "2026-12-01T11:00:00-05:00"], ["customer", "2026-12-01T16:00:00-05:00"]],
    { fr: null, next: "2026-12-02T10:00:00-05:00", res: "2026-12-03T10:00:00-05:00", paused: false },
  ],
  [
    "customer reply before any first response starts no next-response clock",
    NY_RULES,
    [["create", "2026-12-01T10:00:00-05:00"], ["customer", "2026-12-01T11:00:00-05:00"]],
    { fr: "2026-12-01T14:00:00-05:00", next: null, res: "2026-12-03T10:00:00-05:00", paused: false },
  ],
  [
    "pending pauses; the customer's reply resumes with what was left (pause over a weekend)",
    NY_RULES,
    [
      ["create", "2026-12-03T09:00:00-05:00"], // Thursday; resolution due Fri 17:00
      ["agent", "2026-12-03T10:00:00-05:00"],
      ["status", "in_progress", "pending", "2026-12-03T13:00:00-05:00"], // 4 h used, 12 h left
      ["customer", "2026-12-07T09:00:00-05:00"], // Monday: 12 h more = Tuesday 13:00
    ],
    { fr: null, next: "2026-12-07T11:00:00-05:00", res: "2026-12-08T13:00:00-05:00", paused: false },
  ],
  [
    "pending -> in progress resumes too (Berlin)",
    BERLIN_RULES,
    [
      ["create", "2026-12-01T09:00:00+01:00"],
      ["status", "new", "pending", "2026-12-01T10:00:00+01:00"], // first response 0 left, resolution 7 h left
      ["status", "pending", "in_progress", "2026-12-02T12:00:00+01:00"],
    ],
    { fr: "2026-12-01T10:00:00+01:00", next: null, res: "2026-12-03T11:00:00+01:00", paused: false },
  ],
  [
    "paused: frozen due times, nothing is due",
    NY_RULES,
    [["create", "2026-12-01T10:00:00-05:00"], ["status", "new", "pending", "2026-12-01T12:00:00-05:00"]],
    { fr: "2026-12-01T14:00:00-05:00", next: null, res: "2026-12-03T10:00:00-05:00", paused: true },
  ],
  [
    "resolved stops every clock and keeps the resolution time used",
    NY_RULES,
    [["create", "2026-12-01T10:00:00-05:00"], ["agent", "2026-12-01T11:00:00-05:00"], ["status", "in_progress", "resolved", "2026-12-01T16:00:00-05:00"]],
    { fr: null, next: null, res: null, paused: false, elapsed: 360 },
  ],
  [
    "reopen restarts resolution with the elapsed time kept (across a DST change in Berlin)",
    BERLIN_RULES,
    [
      ["create", "2026-10-23T09:00:00+02:00"], // Friday, CEST
      ["agent", "2026-10-23T09:30:00+02:00"],
      ["status", "in_progress", "resolved", "2026-10-23T14:00:00+02:00"], // 300 min used, 180 left
      ["status", "resolved", "in_progress", "2026-10-26T16:00:00+01:00"], // Monday, CET: 60 today, 120 tomorrow
    ],
    { fr: null, next: null, res: "2026-10-27T11:00:00+01:00", paused: false, elapsed: 300 },
  ],
  [
    "pause, resume, resolve, reopen: elapsed counts only running business time",
    rules(ALWAYS, null, null, 600),
    [
      ["create", "2026-12-01T00:00:00Z"],
      ["status", "new", "pending", "2026-12-01T01:00:00Z"], // 60 used
      ["status", "pending", "in_progress", "2026-12-05T00:00:00Z"],
      ["status", "in_progress", "closed", "2026-12-05T02:00:00Z"], // 180 used
      ["status", "closed", "new", "2026-12-10T00:00:00Z"], // 420 left
    ],
    { fr: null, next: null, res: "2026-12-10T07:00:00Z", paused: false, elapsed: 180 },
  ],
  [
    "resolving while paused counts up to the pause",
    rules(ALWAYS, null, null, 600),
    [["create", "2026-12-01T00:00:00Z"], ["status", "new", "pending", "2026-12-01T01:00:00Z"], ["status", "pending", "resolved", "2026-12-03T00:00:00Z"]],
    { fr: null, next: null, res: null, paused: false, elapsed: 60 },
  ],
  [
    "a breached clock stays breached through a pause",
    rules(ALWAYS, 60, null, null),
    [["create", "2026-12-01T00:00:00Z"], ["status", "new", "pending", "2026-12-01T02:00:00Z"], ["status", "pending", "new", "2026-12-02T00:00:00Z"]],
    { fr: "2026-12-01T01:00:00Z", next: null, res: null, paused: false },
  ],
];

function run(r: ClockRules, events: Ev[]): ClockState {
  let s = NO_CLOCKS;
  let responded = false;
  let status = "new";
  for (const e of events) {
    if (e[0] === "create") s = startClocks("new", r, d(e[1]));
    else if (e[0] === "agent") {
      s = onAgentReplyClocks(s);
      responded = true;
    } else if (e[0] === "customer") s = onCustomerReplyClocks(s, { status: status as "new", firstResponded: responded }, r, d(e[1]));
    else {
      s = onStatusClocks(s, e[1] as "new", e[2] as "new", r, d(e[3]));
      status = e[2];
    }
  }
  return s;
}

describe("clock sequences", () => {
  it.each(SEQUENCES)("%s", (_l, r, events, want) => {
    const s = run(r, events);
    expect({ fr: iso(s.firstResponseDueAt), next: iso(s.nextResponseDueAt), res: iso(s.resolutionDueAt), paused: s.pausedAt != null }).toEqual({
      fr: want.fr && d(want.fr).toISOString(),
      next: want.next && d(want.next).toISOString(),
      res: want.res && d(want.res).toISOString(),
      paused: want.paused,
    });
    if (want.elapsed !== undefined) expect(s.resolutionElapsed).toBe(want.elapsed);
  });
});

describe("retargetClocks", () => {
  it("a priority change keeps the business time used and applies the new target", () => {
    const s = startClocks("new", rules(NY, null, null, 960), d("2026-12-01T09:00:00-05:00"));
    const out = retargetClocks(s, rules(NY, null, null, 960), rules(NY, null, null, 240), d("2026-12-01T11:00:00-05:00"));
    expect(iso(out.resolutionDueAt)).toBe(d("2026-12-01T13:00:00-05:00").toISOString());
  });
  it("past the new target: breached now", () => {
    const s = startClocks("new", rules(ALWAYS, null, null, 600), d("2026-12-01T00:00:00Z"));
    const out = retargetClocks(s, rules(ALWAYS, null, null, 600), rules(ALWAYS, null, null, 60), d("2026-12-01T03:00:00Z"));
    expect(iso(out.resolutionDueAt)).toBe("2026-12-01T03:00:00.000Z");
  });
  it("a clock the new policy does not have stops", () => {
    const s = startClocks("new", NY_RULES, d("2026-12-01T09:00:00-05:00"));
    expect(retargetClocks(s, NY_RULES, rules(NY, null, null, 960), d("2026-12-01T10:00:00-05:00")).firstResponseDueAt).toBeNull();
  });
});

it("warnAt is the warning lead before sla_due_at", () => {
  const s = state({ resolutionDueAt: d("2026-12-01T10:00:00Z"), firstResponseDueAt: d("2026-12-01T09:00:00Z") });
  expect(iso(warnAt(s, 30))).toBe("2026-12-01T08:30:00.000Z");
  expect(warnAt({ ...s, pausedAt: d("2026-12-01T08:00:00Z") }, 30)).toBeNull();
});
