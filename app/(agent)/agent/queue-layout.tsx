"use client";

import { createContext, useCallback, useContext, useState } from "react";
import { formatQueueLayout, QUEUE_LAYOUT_COOKIE, type QueueLayout } from "./_lib/queue-layout";

type Ctx = { layout: QueueLayout; update: (patch: Partial<QueueLayout>) => void };
const LayoutContext = createContext<Ctx | null>(null);

/** The agent's queue layout, remembered in a cookie for a year (see _lib/queue-layout.ts). */
export function QueueLayoutProvider({ initial, userId, children }: { initial: QueueLayout; userId: string; children: React.ReactNode }) {
  const [layout, setLayout] = useState(initial);
  const update = useCallback((patch: Partial<QueueLayout>) => {
    const next = { ...layout, ...patch };
    document.cookie = `${QUEUE_LAYOUT_COOKIE}=${formatQueueLayout(next, userId)}; path=/; max-age=31536000; samesite=lax`;
    setLayout(next);
  }, [layout, userId]);
  return <LayoutContext.Provider value={{ layout, update }}>{children}</LayoutContext.Provider>;
}

export function useQueueLayout(): Ctx {
  const ctx = useContext(LayoutContext);
  if (!ctx) throw new Error("useQueueLayout outside QueueLayoutProvider");
  return ctx;
}

const toggle = "inline-flex h-7 items-center gap-1.5 rounded-md border px-2 text-xs font-medium shadow-xs";
const on = "border-brand-300 bg-brand-50 text-brand-800";
const off = "border-slate-300 bg-white text-slate-700 hover:bg-slate-50";

/** The header's switches: stats strip and row density (the filter toggle sits in the toolbar). */
export function LayoutToggles() {
  const { layout, update } = useQueueLayout();
  return (
    <div className="flex items-center gap-1.5" role="group" aria-label="Queue layout">
      <button type="button" aria-pressed={layout.statsShown} onClick={() => update({ statsShown: !layout.statsShown })}
        className={`${toggle} ${layout.statsShown ? on : off}`}>
        <svg aria-hidden="true" viewBox="0 0 16 16" className="h-3.5 w-3.5" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round"><path d="M3 13V8m4 5V4m4 9v-4" /></svg>
        Stats
      </button>
      <button type="button" aria-pressed={layout.compact} onClick={() => update({ compact: !layout.compact })}
        className={`${toggle} ${layout.compact ? on : off}`}>
        <svg aria-hidden="true" viewBox="0 0 16 16" className="h-3.5 w-3.5" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round"><path d="M2.5 4h11M2.5 7h11M2.5 10h11M2.5 13h11" /></svg>
        Compact rows
      </button>
    </div>
  );
}
