"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { createPortal } from "react-dom";
import { api } from "@/lib/api-client/client";
import { RelativeTime } from "@/components/time/relative-time";

/** How often the badge is refreshed while the tab is open (it also refreshes on focus). */
const POLL_MS = 30_000;
const KEY = ["notifications"] as const;

/**
 * The workspace bell: the agent's unread in-app notifications (SLA warnings and breaches),
 * counted up to "99+", with the latest 20 in a dropdown that links to their tickets.
 *
 * Not pushed: SLA alerts come from a background worker, not from a ticket change the realtime
 * stream carries, and the stream has no per-user channel. The count is polled every 30 s (one
 * bounded index read) and on window focus; opening the bell refetches the list.
 */
export function NotificationBell() {
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  // The panel is portalled to <body> at the button's position: the sidebar is a sticky
  // stacking context, so anything inside it would paint under the page's own sticky bars.
  const [at, setAt] = useState<{ top: number; left: number } | null>(null);

  const count = useQuery({
    queryKey: [...KEY, "count"],
    queryFn: async () => (await api.GET("/api/v1/support/notifications/unread-count/")).data,
    refetchInterval: POLL_MS,
    refetchOnWindowFocus: true,
  });
  const list = useQuery({
    queryKey: [...KEY, "list"],
    queryFn: async () => (await api.GET("/api/v1/support/notifications/", { query: { page_size: 20 } })).data,
    enabled: open,
    staleTime: 0,
  });
  const refresh = () => qc.invalidateQueries({ queryKey: KEY });
  const read = useMutation({
    mutationFn: (id: string) => api.POST("/api/v1/support/notifications/{id}/read/", { path: { id } }),
    onSettled: refresh,
  });
  const readAll = useMutation({
    mutationFn: () => api.POST("/api/v1/support/notifications/read-all/"),
    onSettled: refresh,
  });

  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent | KeyboardEvent) => {
      const inside = box.current?.contains(e.target as Node) || panel.current?.contains(e.target as Node);
      if (e instanceof KeyboardEvent ? e.key === "Escape" : !inside) setOpen(false);
    };
    document.addEventListener("mousedown", close);
    document.addEventListener("keydown", close);
    return () => {
      document.removeEventListener("mousedown", close);
      document.removeEventListener("keydown", close);
    };
  }, [open]);

  const unread = count.data?.unread_count ?? 0;
  const label = count.data?.label ?? "0";
  const items = list.data?.results ?? [];
  return (
    <div ref={box} className="relative">
      <button
        type="button"
        aria-label={unread ? `Notifications, ${label} unread` : "Notifications"}
        aria-expanded={open}
        aria-haspopup="dialog"
        onClick={(e) => {
          const r = e.currentTarget.getBoundingClientRect();
          setAt({ top: r.bottom + 8, left: Math.max(8, Math.min(r.left, window.innerWidth - 328)) });
          setOpen((o) => !o);
        }}
        className="relative flex h-8 w-8 items-center justify-center rounded-md text-slate-300 hover:bg-slate-800 hover:text-white"
      >
        <svg aria-hidden="true" viewBox="0 0 20 20" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth="1.6">
          <path d="M5 8a5 5 0 0 1 10 0v3l1.5 3h-13L5 11V8Zm3 8a2 2 0 0 0 4 0" strokeLinejoin="round" />
        </svg>
        {unread > 0 && (
          <span data-testid="notification-count" className="absolute -right-1 -top-1 min-w-[1.125rem] rounded-full bg-red-600 px-1 text-center text-[10px] font-semibold leading-[1.125rem] text-white">
            {label}
          </span>
        )}
      </button>
      {open && at && createPortal(
        <div ref={panel} role="dialog" aria-label="Notifications" style={{ top: at.top, left: at.left }} className="fixed z-50 w-80 overflow-hidden rounded-lg border border-slate-200 bg-white text-slate-900 shadow-xl">
          <div className="flex items-center justify-between border-b border-slate-200 px-3 py-2">
            <p className="text-sm font-semibold">Notifications</p>
            <button
              type="button"
              disabled={!unread || readAll.isPending}
              onClick={() => readAll.mutate()}
              className="text-xs font-medium text-brand-600 hover:underline disabled:cursor-default disabled:text-slate-400 disabled:no-underline"
            >
              Mark all read
            </button>
          </div>
          {list.isPending ? (
            <p className="px-3 py-6 text-center text-sm text-slate-500">Loading…</p>
          ) : list.isError ? (
            <p className="px-3 py-6 text-center text-sm text-red-700">Notifications could not be loaded.</p>
          ) : items.length === 0 ? (
            <p className="px-3 py-6 text-center text-sm text-slate-500">Nothing yet. SLA warnings and breaches show up here.</p>
          ) : (
            <ul className="max-h-96 divide-y divide-slate-100 overflow-y-auto">
              {items.map((n) => (
                <li key={n.id}>
                  <a
                    href={n.url ?? "#"}
                    onClick={() => !n.is_read && read.mutate(n.id)}
                    className={`block px-3 py-2.5 hover:bg-slate-50 ${n.is_read ? "" : "bg-brand-50/60"}`}
                  >
                    <span className="flex items-start gap-2">
                      <span aria-hidden="true" className={`mt-1.5 h-2 w-2 shrink-0 rounded-full ${n.is_read ? "bg-transparent" : n.kind === "sla_breached" ? "bg-red-600" : "bg-amber-500"}`} />
                      <span className="min-w-0 flex-1">
                        <span className={`block text-sm ${n.is_read ? "text-slate-700" : "font-semibold"}`}>{n.title}</span>
                        <span className="block truncate text-xs text-slate-600">{n.body}</span>
                        <RelativeTime iso={n.created_at} className="block text-[11px] text-slate-500" />
                      </span>
                      {!n.is_read && <span className="sr-only">(unread)</span>}
                    </span>
                  </a>
                </li>
              ))}
            </ul>
          )}
        </div>,
        document.body,
      )}
    </div>
  );
}
