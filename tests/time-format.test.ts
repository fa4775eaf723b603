import { describe, expect, it } from "vitest";
import { formatAbsolute, formatDay, formatRelative } from "@/components/time/format";

// Pages render dates twice: on the server (in the zone the browser reported, or UTC on a first
// visit) and again on hydration. Both must format in that explicit zone, never the process's
// own: 02:50 UTC on Dec 6 is still Dec 5 in New York, and a date formatted in the server's zone
// would not match the browser's (React error 418, seen on the admin invitations page).
describe("time formatting takes the zone explicitly", () => {
  const iso = "2026-12-06T02:50:00.000Z";

  it("formats a calendar day in the given zone", () => {
    expect(formatDay(iso, "UTC")).toBe("Dec 6, 2026");
    expect(formatDay(iso, "America/New_York")).toBe("Dec 5, 2026");
    expect(formatDay(iso, "Asia/Tokyo")).toBe("Dec 6, 2026");
  });

  it("formats a moment in the given zone", () => {
    expect(formatAbsolute(iso, "UTC")).toBe("Dec 6, 2:50 AM");
    expect(formatAbsolute(iso, "America/New_York")).toBe("Dec 5, 9:50 PM");
    expect(formatAbsolute(iso, "America/New_York", true)).toBe("Dec 5, 2026, 9:50 PM");
  });

  it("does not depend on the process's time zone", () => {
    const before = process.env.TZ;
    try {
      const seen = ["UTC", "Pacific/Kiritimati", "America/Los_Angeles"].map((zone) => {
        process.env.TZ = zone;
        return [formatDay(iso, "America/New_York"), formatRelative(iso, Date.parse(iso) + 9 * 86_400_000, "America/New_York")];
      });
      expect(seen).toEqual([
        ["Dec 5, 2026", "Dec 5"],
        ["Dec 5, 2026", "Dec 5"],
        ["Dec 5, 2026", "Dec 5"],
      ]);
    } finally {
      if (before === undefined) delete process.env.TZ;
      else process.env.TZ = before;
    }
  });
});
