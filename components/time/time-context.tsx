"use client";

import { createContext, useContext, useEffect, useState } from "react";

/**
 * The viewer's time zone and a shared clock. The server seeds both (zone from the `tz` cookie,
 * `now` from the request) so server HTML and hydration agree; after mount the browser's own
 * zone wins and the clock ticks, and the cookie is refreshed for the next server render.
 */
interface TimeState {
  tz: string;
  now: number;
}
const TimeContext = createContext<TimeState>({ tz: "UTC", now: 0 });

export function TimeProvider({ tz, now, children }: { tz: string; now: number; children: React.ReactNode }) {
  const [state, setState] = useState<TimeState>({ tz, now });
  useEffect(() => {
    const local = Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
    if (!document.cookie.split("; ").includes(`tz=${encodeURIComponent(local)}`)) {
      document.cookie = `tz=${encodeURIComponent(local)}; path=/; max-age=31536000; samesite=lax`;
    }
    setState({ tz: local, now: Date.now() });
    // One clock for every countdown and relative time on the page.
    const id = window.setInterval(() => setState((s) => ({ ...s, now: Date.now() })), 1000);
    return () => window.clearInterval(id);
  }, []);
  return <TimeContext.Provider value={state}>{children}</TimeContext.Provider>;
}

export function useTime(): TimeState {
  return useContext(TimeContext);
}
