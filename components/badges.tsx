/** Small presentational markers shared by the portal and the agent workspace (no hooks). */

const STATUS: Record<string, { label: string; tone: string; dot: string }> = {
  new: { label: "New", tone: "bg-sky-50 text-sky-800 ring-sky-600/20", dot: "bg-sky-500" },
  assigned: { label: "Assigned", tone: "bg-indigo-50 text-indigo-800 ring-indigo-600/20", dot: "bg-indigo-500" },
  in_progress: { label: "In progress", tone: "bg-violet-50 text-violet-800 ring-violet-600/20", dot: "bg-violet-500" },
  pending: { label: "Pending", tone: "bg-amber-50 text-amber-800 ring-amber-600/20", dot: "bg-amber-500" },
  resolved: { label: "Resolved", tone: "bg-emerald-50 text-emerald-800 ring-emerald-600/20", dot: "bg-emerald-500" },
  closed: { label: "Closed", tone: "bg-slate-100 text-slate-700 ring-slate-500/20", dot: "bg-slate-400" },
};

/** What a customer reads: "assigned" and "in progress" are both just being worked on. */
const CUSTOMER_STATUS: Record<string, string> = {
  new: "Received",
  assigned: "In progress",
  in_progress: "In progress",
  pending: "Awaiting your reply",
  resolved: "Resolved",
  closed: "Closed",
};

export function statusLabel(s: string, audience: "agent" | "customer" = "agent"): string {
  return audience === "customer" ? (CUSTOMER_STATUS[s] ?? s) : (STATUS[s]?.label ?? s);
}

export function StatusPill({ status, audience = "agent" }: { status: string; audience?: "agent" | "customer" }) {
  const s = STATUS[status] ?? STATUS.closed;
  return (
    <span data-status={status} className={`inline-flex items-center gap-1.5 whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${s.tone}`}>
      <span aria-hidden="true" className={`h-1.5 w-1.5 rounded-full ${s.dot}`} />
      {statusLabel(status, audience)}
    </span>
  );
}

const PRIORITY: Record<string, { label: string; bars: number; tone: string }> = {
  low: { label: "Low", bars: 1, tone: "text-slate-500" },
  medium: { label: "Medium", bars: 2, tone: "text-slate-700" },
  high: { label: "High", bars: 3, tone: "text-orange-700" },
  urgent: { label: "Urgent", bars: 4, tone: "text-red-700" },
};

export function priorityLabel(p: string): string {
  return PRIORITY[p]?.label ?? p;
}

/** Signal-strength bars, the way Linear marks priority; the label keeps it readable. */
export function PriorityMarker({ priority, showLabel = true }: { priority: string; showLabel?: boolean }) {
  const p = PRIORITY[priority] ?? PRIORITY.medium;
  return (
    <span data-priority={priority} className={`inline-flex items-center gap-1.5 whitespace-nowrap text-xs font-medium ${p.tone}`}>
      {priority === "urgent" ? (
        <span aria-hidden="true" className="flex h-3.5 w-3.5 items-center justify-center rounded-sm bg-red-600 text-[10px] font-bold leading-none text-white">!</span>
      ) : (
        <span aria-hidden="true" className="flex h-3 items-end gap-[2px]">
          {[1, 2, 3].map((i) => (
            <span key={i} className={`w-[3px] rounded-sm ${i <= p.bars ? "bg-current" : "bg-slate-300"}`} style={{ height: `${i * 4}px` }} />
          ))}
        </span>
      )}
      <span className={showLabel ? "" : "sr-only"}>{p.label}</span>
    </span>
  );
}

export function UnreadBadge({ count, label }: { count: number; label: string }) {
  if (!count) return null;
  return (
    <span data-testid="unread-badge" aria-label={`${count} ${label}`}
      className="inline-flex min-w-5 items-center justify-center rounded-full bg-brand-600 px-1.5 text-[11px] font-semibold leading-5 text-white">
      {count}
    </span>
  );
}

const CHANNELS: Record<string, string> = { portal: "Portal", email: "Email", phone: "Phone", chat: "Chat", api: "API" };
export function channelLabel(c: string): string {
  return CHANNELS[c] ?? c;
}

/** How much to trust the AI summary: a score in [0, 1] as a coloured percentage. */
export function ConfidenceBadge({ score }: { score: number | null }) {
  if (score == null) return null;
  const pct = Math.round(score * 100);
  const tone = pct >= 80 ? "bg-emerald-50 text-emerald-800 ring-emerald-600/20" : pct >= 50 ? "bg-amber-50 text-amber-800 ring-amber-600/20" : "bg-red-50 text-red-700 ring-red-600/20";
  const word = pct >= 80 ? "High" : pct >= 50 ? "Medium" : "Low";
  return (
    <span data-testid="ai-confidence" className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${tone}`}>
      {word} confidence · {pct}%
    </span>
  );
}

export function Avatar({ name, size = "md" }: { name: string; size?: "sm" | "md" }) {
  const initials = name.split(/[\s@.]+/).filter(Boolean).slice(0, 2).map((w) => w[0]!.toUpperCase()).join("") || "?";
  // A stable hue per name, so the same person always gets the same colour. Lightness 32% keeps
  // white initials above 4.5:1 on every hue (yellow-green is the lightest; at 42% it was ~3:1).
  let h = 0;
  for (const ch of name) h = (h * 31 + ch.charCodeAt(0)) % 360;
  const dim = size === "sm" ? "h-6 w-6 text-[10px]" : "h-8 w-8 text-xs";
  return (
    <span aria-hidden="true" className={`inline-flex shrink-0 items-center justify-center rounded-full font-semibold text-white ${dim}`}
      style={{ backgroundColor: `hsl(${h} 45% 32%)` }}>
      {initials}
    </span>
  );
}

/** An agent's display name; a deactivated one (whose tickets stay assigned) says so. */
export function agentName(a: { name: string; email: string; deactivated?: boolean }): string {
  return `${a.name || a.email}${a.deactivated ? " (deactivated)" : ""}`;
}
