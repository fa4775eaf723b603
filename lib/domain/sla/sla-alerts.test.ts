import { describe, expect, it } from "vitest";
import { dueAlerts, type Alert } from "./sla-alerts";

const D = new Date("2026-12-01T12:00:00Z");
const at = (iso: string) => new Date(iso);
const fmt = (r: ReturnType<typeof dueAlerts>) => ({ alerts: r.alerts.map((a) => `${a.clock}:${a.kind}`), nextAt: r.nextAt?.toISOString() ?? null });

describe("dueAlerts", () => {
  it.each([
    ["before the warning: nothing yet, look again at due - lead", { resolution: D }, 60, [], "2026-12-01T10:00:00Z", { alerts: [], nextAt: "2026-12-01T11:00:00.000Z" }],
    ["inside the lead: a warning, look again at the due time", { resolution: D }, 60, [], "2026-12-01T11:30:00Z", { alerts: ["resolution:warning"], nextAt: "2026-12-01T12:00:00.000Z" }],
    ["warned already: nothing, same next look", { resolution: D }, 60, [{ clock: "resolution", kind: "warning", dueAt: D }], "2026-12-01T11:45:00Z", { alerts: [], nextAt: "2026-12-01T12:00:00.000Z" }],
    ["at the due time: breached, nothing more to look at", { resolution: D }, 60, [{ clock: "resolution", kind: "warning", dueAt: D }], "2026-12-01T12:00:00Z", { alerts: ["resolution:breached"], nextAt: null }],
    ["breached already: nothing", { resolution: D }, 60, [{ clock: "resolution", kind: "breached", dueAt: D }], "2026-12-01T13:00:00Z", { alerts: [], nextAt: null }],
    ["found late: straight to breached, no warning", { resolution: D }, 60, [], "2026-12-02T00:00:00Z", { alerts: ["resolution:breached"], nextAt: null }],
    ["a moved due time is a new clock instance", { resolution: at("2026-12-01T15:00:00Z") }, 60, [{ clock: "resolution", kind: "warning", dueAt: D }], "2026-12-01T14:10:00Z", { alerts: ["resolution:warning"], nextAt: "2026-12-01T15:00:00.000Z" }],
    ["two clocks: each on its own", { first_response: D, resolution: at("2026-12-02T12:00:00Z") }, 30, [], "2026-12-01T11:40:00Z", { alerts: ["first_response:warning"], nextAt: "2026-12-01T12:00:00.000Z" }],
    ["no lead: no warnings, only breaches", { resolution: D }, 0, [], "2026-12-01T11:59:00Z", { alerts: [], nextAt: "2026-12-01T12:00:00.000Z" }],
  ] as [string, Record<string, Date>, number, Alert[], string, ReturnType<typeof fmt>][])("%s", (_l, clocks, lead, done, now, want) => {
    expect(fmt(dueAlerts(clocks, lead, done, at(now)))).toEqual(want);
  });
});
