"use client";

import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { VIEWS } from "./views";


const ICONS: Record<string, string> = {
  active: "M3 7h14M3 12h14M3 17h9",
  mine: "M10 10a3.5 3.5 0 1 0 0-7 3.5 3.5 0 0 0 0 7Zm-6 8a6 6 0 0 1 12 0",
  unassigned: "M10 10a3.5 3.5 0 1 0 0-7 3.5 3.5 0 0 0 0 7Zm-6 8a6 6 0 0 1 12 0M15 3l4 4m0-4-4 4",
  sla: "M10 18a8 8 0 1 0 0-16 8 8 0 0 0 0 16Zm0-12v4l3 2",
  overdue: "M10 3 2 17h16L10 3Zm0 5v4m0 3v.01",
};

function normalise(q: string): string {
  return [...new URLSearchParams(q)].filter(([k]) => k !== "cursor").map(([k, v]) => `${k}=${v}`).sort().join("&");
}

export function AgentNav() {
  const path = usePathname();
  const search = useSearchParams();
  const current = path === "/agent/" ? normalise(search.toString()) : null;
  return (
    <nav aria-label="Views" className="flex gap-1 overflow-x-auto px-2 pb-2 lg:flex-col lg:pb-0">
      <p className="hidden px-2 pt-2 pb-1 text-[11px] font-semibold uppercase tracking-wider text-slate-400 lg:block">Queue</p>
      {VIEWS.map((v) => {
        const active = current === normalise(v.query);
        return (
          <Link key={v.key} href={`/agent/${v.query ? `?${v.query}` : ""}`} aria-current={active ? "page" : undefined}
            className={`flex items-center gap-2.5 whitespace-nowrap rounded-md px-2 py-1.5 text-sm ${active ? "bg-slate-800 font-medium text-white" : "text-slate-300 hover:bg-slate-800/60 hover:text-white"}`}>
            <svg aria-hidden="true" viewBox="0 0 20 20" className="h-4 w-4 shrink-0 opacity-80" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round">
              <path d={ICONS[v.key]} />
            </svg>
            {v.label}
          </Link>
        );
      })}
    </nav>
  );
}
