"use client";

import { usePathname } from "next/navigation";
import { useEffect, useRef, useState } from "react";

interface Reply {
  ticket: string;
  message: string;
  subject: string;
}

const COUNT_PREFIX = /^\(\d+\) /;
const TOAST_MS = 8_000;

/** Whether this browser can show desktop notifications and has not yet been asked. */
export function canAskForNotifications(): boolean {
  return typeof Notification !== "undefined" && Notification.permission === "default";
}

async function subjectOf(ticket: string): Promise<string> {
  try {
    const res = await fetch(`/api/v1/support/tickets/${ticket}/`, { credentials: "same-origin" });
    if (res.ok) return ((await res.json()) as { subject?: string }).subject ?? "a ticket";
  } catch {
    /* the toast still says that a reply came */
  }
  return "a ticket";
}

/**
 * Tells an agent, wherever they are in the workspace, that a customer replied on a ticket
 * assigned to them: a toast, a count in the tab title ("(2) Queue · Caseflow") and, while the
 * tab is hidden and the agent allowed it, a desktop notification. Driven by the stream's
 * `message.created` events with `assigned_to=me`, so assignment is decided by the server at
 * delivery time. Replies are counted until the agent looks at that ticket or at the queue.
 */
export function ReplyNotifier() {
  const pathname = usePathname();
  const [unseen, setUnseen] = useState<Reply[]>([]);
  const [toast, setToast] = useState<Reply | null>(null);
  const [askable, setAskable] = useState(false);
  const pathRef = useRef(pathname);
  pathRef.current = pathname;

  useEffect(() => setAskable(canAskForNotifications()), []);

  useEffect(() => {
    if (typeof EventSource === "undefined") return;
    const source = new EventSource("/api/v1/support/stream/?assigned_to=me", { withCredentials: true });
    source.addEventListener("message.created", (e) => {
      let data: { ticket?: string; message?: string; author_side?: string; is_internal?: boolean };
      try {
        data = JSON.parse((e as MessageEvent<string>).data);
      } catch {
        return;
      }
      if (data.author_side !== "customer" || data.is_internal || !data.ticket || !data.message) return;
      const { ticket, message } = data;
      const watching = !document.hidden && pathRef.current === `/agent/tickets/${ticket}/`;
      void subjectOf(ticket).then((subject) => {
        const reply = { ticket, message, subject };
        setToast(reply);
        if (!watching) setUnseen((u) => (u.some((r) => r.message === message) ? u : [...u, reply]));
        if (document.hidden && typeof Notification !== "undefined" && Notification.permission === "granted") {
          new Notification("New customer reply", { body: subject, tag: `reply-${ticket}` });
        }
      });
    });
    return () => source.close();
  }, []);

  // Looking at the queue clears every count; looking at a ticket clears that ticket's.
  useEffect(() => {
    const clear = () => {
      if (document.hidden) return;
      if (pathname === "/agent/") setUnseen([]);
      else setUnseen((u) => u.filter((r) => pathname !== `/agent/tickets/${r.ticket}/`));
    };
    clear();
    document.addEventListener("visibilitychange", clear);
    return () => document.removeEventListener("visibilitychange", clear);
  }, [pathname]);

  // Pages set their own title on navigation: keep the count in front of whatever it is.
  useEffect(() => {
    const apply = () => {
      const base = document.title.replace(COUNT_PREFIX, "");
      const want = unseen.length ? `(${unseen.length}) ${base}` : base;
      if (document.title !== want) document.title = want;
    };
    apply();
    const title = document.querySelector("title");
    if (!title) return;
    const observer = new MutationObserver(apply);
    observer.observe(title, { childList: true, characterData: true, subtree: true });
    return () => observer.disconnect();
  }, [unseen.length, pathname]);

  useEffect(() => {
    if (!toast) return;
    const t = setTimeout(() => setToast(null), TOAST_MS);
    return () => clearTimeout(t);
  }, [toast]);

  if (!toast) return null;
  return (
    <div role="status" data-reply-toast className="fixed right-4 bottom-4 z-50 w-80 rounded-lg border border-slate-200 bg-white p-4 text-sm shadow-lg">
      <p className="font-medium text-slate-900">New customer reply</p>
      <p className="mt-0.5 truncate text-slate-600">{toast.subject}</p>
      <div className="mt-3 flex items-center gap-3">
        <a href={`/agent/tickets/${toast.ticket}/`} className="font-medium text-brand-600 hover:underline">
          Open ticket
        </a>
        {askable && (
          <button
            type="button"
            className="text-xs text-slate-500 hover:text-slate-800"
            onClick={() => void Notification.requestPermission().then(() => setAskable(false))}
          >
            Enable desktop notifications
          </button>
        )}
        <button type="button" aria-label="Dismiss" className="ml-auto text-slate-400 hover:text-slate-700" onClick={() => setToast(null)}>
          ×
        </button>
      </div>
    </div>
  );
}
