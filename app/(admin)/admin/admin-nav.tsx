"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

/** Every section of the admin area. Only this file lists them; each page lives in its own folder. */
export const ADMIN_SECTIONS = [
  { href: "/admin/users/", label: "Users", icon: "M10 10a3.5 3.5 0 1 0 0-7 3.5 3.5 0 0 0 0 7Zm-6 8a6 6 0 0 1 12 0" },
  { href: "/admin/invitations/", label: "Invitations", icon: "M3 5h14v10H3V5Zm0 0 7 6 7-6" },
  { href: "/admin/teams/", label: "Teams", icon: "M7 9a3 3 0 1 0 0-6 3 3 0 0 0 0 6Zm6 0a3 3 0 1 0 0-6M1 17a6 6 0 0 1 12 0m2 0a6 6 0 0 0-3-5.2" },
  { href: "/admin/companies/", label: "Companies", icon: "M3 17V4h8v13M11 8h6v9M6 7h2m-2 3h2m-2 3h2m6-2h1m-1 3h1M1 17h18" },
  { href: "/admin/sla-policies/", label: "SLA policies", icon: "M10 18a8 8 0 1 0 0-16 8 8 0 0 0 0 16Zm0-12v4l3 2" },
  { href: "/admin/settings/", label: "Settings", icon: "M10 12.5a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5ZM10 2v2m0 12v2m8-8h-2M4 10H2m13.7-5.7-1.4 1.4M5.7 14.3l-1.4 1.4m11.4 0-1.4-1.4M5.7 5.7 4.3 4.3" },
  { href: "/admin/audit-log/", label: "Audit log", icon: "M5 2h7l4 4v12H5V2Zm7 0v4h4M8 10h5m-5 3h5" },
] as const;

export function AdminNav() {
  const path = usePathname();
  return (
    <nav aria-label="Administration" className="flex gap-1 overflow-x-auto px-2 pb-2 lg:flex-col lg:pb-0">
      <p className="hidden px-2 pt-2 pb-1 text-[11px] font-semibold uppercase tracking-wider text-slate-400 lg:block">Administration</p>
      {ADMIN_SECTIONS.map((s) => {
        const active = path === s.href || path.startsWith(s.href);
        return (
          <Link key={s.href} href={s.href} aria-current={active ? "page" : undefined}
            className={`flex items-center gap-2.5 whitespace-nowrap rounded-md px-2 py-1.5 text-sm ${active ? "bg-slate-800 font-medium text-white" : "text-slate-300 hover:bg-slate-800/60 hover:text-white"}`}>
            <svg aria-hidden="true" viewBox="0 0 20 20" className="h-4 w-4 shrink-0 opacity-80" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round">
              <path d={s.icon} />
            </svg>
            {s.label}
          </Link>
        );
      })}
    </nav>
  );
}
