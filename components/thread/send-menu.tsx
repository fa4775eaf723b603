"use client";

import { useEffect, useId, useRef, useState } from "react";

export type SendStatus = "pending" | "resolved";
const CHOICES: { status: SendStatus; label: string }[] = [
  { status: "pending", label: "Send and set pending" },
  { status: "resolved", label: "Send and set resolved" },
];

/**
 * The split Send button: the main part submits the form; the arrow opens a menu (WAI-ARIA menu
 * button: Enter, Space or ArrowDown open it on the first item, ArrowUp on the last; arrows move,
 * Home/End jump, Escape closes and returns focus to the arrow, Tab closes it).
 */
export function SendMenu({ label, pending, className, onSend }: {
  label: string;
  pending: boolean;
  className: string;
  onSend: (status: SendStatus) => void;
}) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const items = useRef<(HTMLButtonElement | null)[]>([]);

  useEffect(() => {
    if (open) items.current[active]?.focus();
  }, [open, active]);

  const openAt = (i: number) => {
    setActive(i);
    setOpen(true);
  };
  const close = (refocus = true) => {
    setOpen(false);
    if (refocus) buttonRef.current?.focus();
  };
  const choose = (s: SendStatus) => {
    close();
    onSend(s);
  };
  const onMenuKey = (e: React.KeyboardEvent) => {
    const n = CHOICES.length;
    if (e.key === "ArrowDown") setActive((a) => (a + 1) % n);
    else if (e.key === "ArrowUp") setActive((a) => (a - 1 + n) % n);
    else if (e.key === "Home") setActive(0);
    else if (e.key === "End") setActive(n - 1);
    else if (e.key === "Escape") close();
    else if (e.key === "Tab") return close(false);
    else return;
    e.preventDefault();
  };

  return (
    <div className="relative inline-flex" onBlur={(e) => { if (open && !e.currentTarget.contains(e.relatedTarget as Node)) setOpen(false); }}>
      <button type="submit" disabled={pending} className={`rounded-l-lg px-4 py-1.5 text-sm font-semibold text-white shadow-sm disabled:opacity-60 ${className}`}>
        {pending ? "Sending…" : label}
      </button>
      <button ref={buttonRef} type="button" disabled={pending} aria-haspopup="menu" aria-expanded={open} aria-controls={open ? `${id}-menu` : undefined}
        aria-label="More send options" id={`${id}-button`}
        onClick={() => (open ? close() : openAt(0))}
        onKeyDown={(e) => {
          if (e.key === "ArrowDown" || e.key === "ArrowUp") {
            e.preventDefault();
            openAt(e.key === "ArrowDown" ? 0 : CHOICES.length - 1);
          }
        }}
        className={`rounded-r-lg border-l border-white/30 px-2 py-1.5 text-white shadow-sm disabled:opacity-60 ${className}`}>
        <svg aria-hidden="true" viewBox="0 0 20 20" className="h-4 w-4" fill="currentColor"><path d="M5.5 7.5 10 12l4.5-4.5z" /></svg>
      </button>
      {open && (
        <div role="menu" id={`${id}-menu`} aria-labelledby={`${id}-button`} onKeyDown={onMenuKey}
          className="absolute right-0 bottom-full z-20 mb-1 w-56 rounded-lg border border-slate-200 bg-white py-1 shadow-lg">
          {CHOICES.map((c, i) => (
            <button key={c.status} ref={(el) => { items.current[i] = el; }} type="button" role="menuitem" tabIndex={i === active ? 0 : -1}
              onClick={() => choose(c.status)} onMouseEnter={() => setActive(i)}
              className="block w-full px-3 py-1.5 text-left text-sm text-slate-800 hover:bg-slate-100 focus:bg-slate-100 focus:outline-none">
              {c.label}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
