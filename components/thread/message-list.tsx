import { Avatar } from "../badges";
import { RelativeTime } from "../time/relative-time";
import type { ApiMessage } from "../types";

function fileSize(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1048576) return `${(n / 1024).toFixed(n < 10240 ? 1 : 0)} KB`;
  return `${(n / 1048576).toFixed(1)} MB`;
}

/** An image attachment served for display (the download route's `inline=1`, images only). */
function inlineUrl(url: string): string {
  return `${url}${url.includes("?") ? "&" : "?"}inline=1`;
}

/**
 * A ticket's conversation. `audience` decides the names: a customer sees "You" and "Support";
 * an agent sees who wrote what, and internal notes (which only ever reach agents, the domain
 * filters them for customers) are set apart in amber with a label.
 */
export function MessageList({ messages, audience, selfId }: { messages: ApiMessage[]; audience: "agent" | "customer"; selfId: string }) {
  return (
    <ol className="space-y-4" aria-label="Conversation">
      {messages.map((m) => {
        const mine = m.author === selfId;
        const fromSupport = m.direction === "outbound";
        const name =
          audience === "customer"
            ? mine ? "You" : fromSupport ? `${m.author_name ?? "Support"} · Support` : (m.author_name ?? "Customer")
            : (m.author_name ?? (fromSupport ? "Agent" : "Customer")) + (mine ? " (you)" : "");
        const card = m.is_internal
          ? "border-amber-200 bg-amber-50/70"
          : fromSupport
            ? "border-slate-200 bg-white"
            : "border-brand-100 bg-brand-50/40";
        return (
          <li key={m.id} data-testid="message" data-internal={m.is_internal ? "true" : "false"}
            className={`rounded-xl border ${card} shadow-[0_1px_2px_rgba(15,23,42,0.04)]`}>
            <div className="flex items-center gap-3 px-4 pt-3">
              <Avatar name={m.author_name ?? name} size="sm" />
              <div className="flex min-w-0 flex-1 flex-wrap items-baseline gap-x-2">
                <span className="truncate text-sm font-semibold text-slate-900">{name}</span>
                {m.is_internal && (
                  <span className="inline-flex items-center gap-1 rounded-md bg-amber-100 px-1.5 py-0.5 text-[11px] font-semibold uppercase tracking-wide text-amber-900">
                    <svg aria-hidden="true" viewBox="0 0 16 16" className="h-3 w-3" fill="currentColor"><path d="M5 7V5a3 3 0 1 1 6 0v2h.5A1.5 1.5 0 0 1 13 8.5v5a1.5 1.5 0 0 1-1.5 1.5h-7A1.5 1.5 0 0 1 3 13.5v-5A1.5 1.5 0 0 1 4.5 7H5Zm1.5 0h3V5a1.5 1.5 0 1 0-3 0v2Z" /></svg>
                    Internal note
                  </span>
                )}
                {audience === "agent" && !m.is_internal && (
                  <span className="text-xs text-slate-600">{fromSupport ? "Reply to customer" : "Customer message"}</span>
                )}
              </div>
              <RelativeTime iso={m.created_at!} className="shrink-0 text-xs text-slate-600" />
            </div>
            {m.body && <div className="whitespace-pre-wrap break-words px-4 pt-2 pb-3 pl-13 text-sm leading-6 text-slate-800">{m.body}</div>}
            {m.attachments.length > 0 && (
              <ul className="flex flex-wrap gap-2 px-4 pb-3 pl-13" aria-label="Attachments">
                {m.attachments.map((a) => (
                  <li key={a.id}>
                    {a.content_type.startsWith("image/") && (
                      // A mouse shortcut to the full image; for keyboards and screen readers the
                      // file's own link below is the one (no duplicate link per file).
                      <a href={inlineUrl(a.url)} target="_blank" rel="noopener" aria-hidden="true" tabIndex={-1} className="mb-1.5 block w-fit overflow-hidden rounded-lg border border-slate-200 bg-white hover:border-brand-500">
                        <img src={inlineUrl(a.url)} alt="" loading="lazy" data-testid="attachment-preview" className="block max-h-48 max-w-[18rem] object-contain" />
                      </a>
                    )}
                    <a href={a.url} download={a.name}
                      className="group inline-flex items-center gap-2 rounded-lg border border-slate-200 bg-white px-2.5 py-1.5 text-sm text-slate-700 hover:border-brand-500 hover:text-brand-700">
                      <svg aria-hidden="true" viewBox="0 0 20 20" className="h-4 w-4 text-slate-400 group-hover:text-brand-600" fill="none" stroke="currentColor" strokeWidth="1.5">
                        <path d="M13.5 6.5 7.9 12.1a1.5 1.5 0 0 0 2.1 2.1l6-6a3 3 0 0 0-4.2-4.2l-6.1 6.1a4.5 4.5 0 0 0 6.4 6.4l4.4-4.4" strokeLinecap="round" />
                      </svg>
                      <span className="max-w-[14rem] truncate font-medium">{a.name}</span>
                      <span className="text-xs text-slate-600">{fileSize(a.size)}</span>
                    </a>
                  </li>
                ))}
              </ul>
            )}
          </li>
        );
      })}
    </ol>
  );
}
