"use client";

import { useQuery } from "@tanstack/react-query";
import { useEffect, useId, useState } from "react";
import { api } from "@/lib/api-client/client";
import { normalizeTag } from "@/lib/domain/tickets/tags";

/**
 * The ticket's tags: each removable, and a combobox to add one, suggesting tags in use
 * (GET support/tags/, most used first). Enter adds the highlighted suggestion or what was
 * typed; a comma adds too; Backspace in the empty field removes the last tag. Every change is
 * one PATCH of the whole list, conditional on the version on screen like the other properties.
 */
export function TagEditor({ tags, disabled, busy, onChange: change }: { tags: string[]; disabled: boolean; busy: boolean; onChange: (tags: string[]) => void }) {
  // While a change is saving, the field stays usable (focus is kept) but changes wait.
  const onChange = (next: string[]) => { if (!busy) change(next); };
  const id = useId();
  const [text, setText] = useState("");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [term, setTerm] = useState("");
  useEffect(() => {
    const t = setTimeout(() => setTerm(normalizeTag(text)), 150);
    return () => clearTimeout(t);
  }, [text]);
  const { data } = useQuery({
    queryKey: ["tag-suggestions", term],
    queryFn: async () => (await api.GET("/api/v1/support/tags/", { query: { search: term || undefined, page_size: 8 } })).data.results,
    enabled: open && !disabled,
    staleTime: 30_000,
  });
  const suggestions = (data ?? []).filter((s) => !tags.includes(s.name));
  const showList = open && suggestions.length > 0;

  const add = (raw: string) => {
    if (busy) return;
    const tag = normalizeTag(raw.replace(/,/g, " "));
    setText("");
    setActive(-1);
    if (tag && !tags.includes(tag)) onChange([...tags, tag]);
  };
  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement>) => {
    const n = suggestions.length;
    if (e.key === "ArrowDown" && n) { setOpen(true); setActive((a) => (a + 1) % n); }
    else if (e.key === "ArrowUp" && n) setActive((a) => (a <= 0 ? n - 1 : a - 1));
    else if (e.key === "Enter" || e.key === ",") {
      if (showList && active >= 0) add(suggestions[active].name);
      else if (text.trim()) add(text);
      else if (e.key === ",") { /* nothing typed */ } else return;
    } else if (e.key === "Escape" && open) { setOpen(false); setActive(-1); }
    else if (e.key === "Backspace" && !text && tags.length) onChange(tags.slice(0, -1));
    else return;
    e.preventDefault();
  };

  return (
    <div>
      <label htmlFor={`${id}-input`} className="mb-1 block text-xs font-medium text-slate-600">Tags</label>
      <ul aria-label="Tags on this ticket" className="mb-1.5 flex flex-wrap gap-1.5">
        {tags.length === 0 && <li className="text-sm text-slate-500">No tags</li>}
        {tags.map((t) => (
          <li key={t} className="inline-flex items-center gap-1 rounded-full bg-slate-100 py-0.5 pr-1 pl-2 text-xs text-slate-800">
            {t}
            <button type="button" disabled={disabled || busy} aria-label={`Remove tag ${t}`} onClick={() => onChange(tags.filter((x) => x !== t))}
              className="rounded-full px-1 text-slate-600 hover:bg-slate-200 hover:text-slate-900 disabled:opacity-50">×</button>
          </li>
        ))}
      </ul>
      <div className="relative">
        <input id={`${id}-input`} type="text" role="combobox" autoComplete="off" value={text} disabled={disabled}
          aria-autocomplete="list" aria-expanded={showList} aria-controls={`${id}-list`}
          aria-activedescendant={showList && active >= 0 ? `${id}-opt-${active}` : undefined}
          placeholder="Add a tag…" maxLength={50}
          onChange={(e) => { setText(e.target.value); setOpen(true); setActive(-1); }}
          onFocus={() => setOpen(true)} onBlur={() => setTimeout(() => setOpen(false), 150)} onKeyDown={onKeyDown}
          className="h-8 w-full rounded-md border border-slate-300 bg-white px-2 text-sm text-slate-800 shadow-xs placeholder:text-slate-500 disabled:bg-slate-50 focus:border-brand-500 focus:outline-2 focus:outline-offset-0 focus:outline-brand-500" />
        <ul role="listbox" id={`${id}-list`} aria-label="Suggested tags" hidden={!showList}
          className="absolute z-10 mt-1 max-h-48 w-full overflow-auto rounded-md border border-slate-200 bg-white py-1 shadow-lg">
          {suggestions.map((s, i) => (
            <li key={s.name} id={`${id}-opt-${i}`} role="option" aria-selected={i === active}
              onMouseDown={(e) => { e.preventDefault(); add(s.name); }}
              className={`flex cursor-pointer justify-between px-2 py-1 text-sm ${i === active ? "bg-brand-50 text-slate-900" : "text-slate-800"}`}>
              <span>{s.name}</span><span className="text-xs text-slate-600">{s.count}</span>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
