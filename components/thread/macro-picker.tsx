"use client";

import { useEffect, useId, useRef, useState } from "react";
import type { components } from "@/lib/api-client/schema";

export type MacroItem = components["schemas"]["Macro"];

/** Where macros come from and what choosing one does (the agent workspace supplies it). */
export interface MacroSource {
  search: (q: string) => Promise<MacroItem[]>;
  /** A macro with actions: applied on the server (reply + changes in one transaction). */
  apply: (m: MacroItem) => Promise<void>;
  /** A text-only macro's body with its placeholders filled, to insert into the draft. */
  render: (body: string) => string;
}

/** Whether choosing a macro changes the ticket (then it is applied, not just inserted). */
export function macroHasActions(m: MacroItem): boolean {
  return m.status != null || m.priority != null || m.assigned_to != null || m.add_tags.length > 0 || m.remove_tags.length > 0;
}

/** The `/word` or `#word` being typed at the caret, if a word starts with one. */
function triggerAt(text: string, caret: number): { start: number; query: string } | null {
  let start = caret;
  while (start > 0 && !/\s/.test(text[start - 1])) start--;
  const token = text.slice(start, caret);
  if (!/^[/#]/.test(token)) return null;
  return { start, query: token.slice(1) };
}

function summary(m: MacroItem): string {
  const parts: string[] = [];
  if (m.status) parts.push(`sets ${m.status.replace(/_/g, " ")}`);
  if (m.priority) parts.push(`priority ${m.priority}`);
  if (m.assigned_to === "me") parts.push("assigns to you");
  else if (m.assigned_to === "none") parts.push("unassigns");
  else if (m.assigned_to) parts.push("assigns");
  if (m.add_tags.length) parts.push(`+${m.add_tags.join(", +")}`);
  if (m.remove_tags.length) parts.push(`−${m.remove_tags.join(", −")}`);
  return parts.length ? parts.join(" · ") : "inserts text";
}

/**
 * Typing `/` or `#` at the start of a word in the reply opens a searchable list of the agent's
 * macros (personal and shared). Arrow keys move, Enter or Tab chooses, Escape closes. The
 * textarea keeps focus throughout (aria-activedescendant names the highlighted option).
 *
 * Choosing one the way Zendesk and Zammad agents expect: a macro that only holds text drops
 * its rendered text into the draft for editing (like a Zammad text module); a macro with
 * actions (status, priority, assignee, tags) is applied at once through apply-macro, so its
 * reply and its changes land together in one transaction (like a Zendesk macro submitted).
 */
export function useMacroPicker(textarea: React.RefObject<HTMLTextAreaElement | null>, source: MacroSource | undefined, onError: (msg: string) => void) {
  const id = useId();
  const [trigger, setTrigger] = useState<{ start: number; query: string } | null>(null);
  const [items, setItems] = useState<MacroItem[]>([]);
  const [active, setActive] = useState(0);
  const [busy, setBusy] = useState(false);
  const seq = useRef(0);
  const sourceRef = useRef(source);
  sourceRef.current = source;
  const query = trigger?.query ?? null;

  useEffect(() => {
    const src = sourceRef.current;
    if (!src || query === null) return;
    const n = ++seq.current;
    const timer = setTimeout(() => {
      src.search(query).then(
        (found) => { if (n === seq.current) { setItems(found); setActive(0); } },
        () => { if (n === seq.current) setItems([]); },
      );
    }, 120);
    return () => clearTimeout(timer);
  }, [query]);

  if (!source) return { textareaProps: {}, onKeyDown: () => false, listbox: null };

  const open = trigger !== null;
  const close = () => { setTrigger(null); setItems([]); };
  const update = () => {
    const el = textarea.current;
    if (!el || el.selectionStart !== el.selectionEnd) return close();
    setTrigger(triggerAt(el.value, el.selectionStart));
  };

  const choose = async (m: MacroItem) => {
    const el = textarea.current;
    if (!el || !trigger) return;
    const caret = el.selectionStart;
    const before = el.value.slice(0, trigger.start);
    const after = el.value.slice(caret);
    close();
    if (macroHasActions(m)) {
      el.value = before + after;
      setBusy(true);
      try {
        await source.apply(m);
      } catch (e) {
        el.value = before + `/${trigger.query}` + after;
        onError(e instanceof Error ? e.message : "The macro could not be applied.");
      } finally {
        setBusy(false);
      }
    } else {
      const text = source.render(m.body);
      el.value = before + text + after;
      const at = (before + text).length;
      el.setSelectionRange(at, at);
    }
    el.focus();
  };

  const onKeyDown = (e: React.KeyboardEvent<HTMLTextAreaElement>): boolean => {
    if (!open) return false;
    const n = items.length;
    if (e.key === "ArrowDown" && n) setActive((a) => (a + 1) % n);
    else if (e.key === "ArrowUp" && n) setActive((a) => (a - 1 + n) % n);
    else if ((e.key === "Enter" || e.key === "Tab") && n && !e.metaKey && !e.ctrlKey) void choose(items[active]);
    else if (e.key === "Escape") close();
    else return false;
    e.preventDefault();
    return true;
  };

  const optionId = (i: number) => `${id}-opt-${i}`;
  const textareaProps = {
    "aria-autocomplete": "list" as const,
    "aria-controls": open ? `${id}-list` : undefined,
    "aria-activedescendant": open && items.length ? optionId(active) : undefined,
    onKeyUp: (e: React.KeyboardEvent) => { if (!["ArrowDown", "ArrowUp", "Enter", "Tab", "Escape"].includes(e.key)) update(); },
    onClick: update,
    onBlur: () => setTimeout(close, 150),
  };

  const listbox = (
    <>
      <p role="status" className="sr-only">
        {busy ? "Applying macro…" : open ? (items.length ? `${items.length} macros. Up and down to choose, Enter to use.` : "No macros match.") : ""}
      </p>
      {open && (
        <div className="mt-2 rounded-lg border border-slate-200 bg-white shadow-lg">
          <p className="border-b border-slate-100 px-3 py-1.5 text-xs font-medium text-slate-600">
            Macros{trigger.query ? <> matching “{trigger.query}”</> : null}
          </p>
          <ul role="listbox" id={`${id}-list`} aria-label="Macros" className="max-h-60 overflow-auto py-1">
            {items.length === 0 && <li role="presentation" className="px-3 py-2 text-sm text-slate-600">No macros match. <a className="text-brand-700 underline" href="/agent/macros/">Manage macros</a></li>}
            {items.map((m, i) => (
              <li key={m.id} id={optionId(i)} role="option" aria-selected={i === active}
                onMouseDown={(e) => { e.preventDefault(); void choose(m); }} onMouseEnter={() => setActive(i)}
                className={`cursor-pointer px-3 py-1.5 text-sm ${i === active ? "bg-brand-50 text-slate-900" : "text-slate-800"}`}>
                <span className="font-medium">{m.name}</span>
                <span className="ml-2 text-xs text-slate-600">{m.shared ? "shared" : "personal"} · {summary(m)}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
  return { textareaProps, onKeyDown, listbox, busy };
}
