import { notFound } from "next/navigation";
import { SkipLink } from "@/components/skip-link";
import { QueueSkipLink } from "@/components/queue-skip-link";
import { requirePageActor } from "@/lib/auth/session";
import { can } from "@/lib/domain/policy";
import { Avatar } from "@/components/badges";
import { ReplyNotifier } from "@/components/realtime/reply-notifier";
import { AgentNav } from "./agent-nav";

export const dynamic = "force-dynamic";

export default async function AgentLayout({ children }: { children: React.ReactNode }) {
  const actor = await requirePageActor("/agent/");
  // The workspace does not exist for customers (404, not 403: nothing to learn from it).
  if (!can(actor, "queue:view")) notFound();
  return (
    <div className="min-h-screen lg:flex">
      <SkipLink />
      <QueueSkipLink />
      <aside className="shrink-0 border-b border-slate-200 bg-slate-900 text-slate-300 lg:w-60 lg:border-r lg:border-b-0">
        <div className="flex flex-col lg:sticky lg:top-0 lg:h-screen">
        <div className="flex items-center gap-2.5 px-4 py-4">
          <span aria-hidden="true" className="flex h-8 w-8 items-center justify-center rounded-lg bg-brand-500 text-sm font-bold text-white">C</span>
          <span className="text-[15px] font-semibold tracking-tight text-white">Caseflow</span>
          <span className="ml-auto rounded bg-slate-800 px-1.5 py-0.5 text-[10px] font-medium uppercase tracking-wide text-slate-400">Agent</span>
        </div>
        <AgentNav />
        <nav aria-label="Reports" className="hidden px-2 pt-4 lg:block">
          <a href="/agent/sla-report/" className="flex items-center gap-2.5 rounded-md px-2 py-1.5 text-sm text-slate-300 hover:bg-slate-800/60 hover:text-white">
            <svg aria-hidden="true" viewBox="0 0 20 20" className="h-4 w-4 opacity-80" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round"><path d="M4 16V9m4 7V5m4 11v-5m4 5V7" /></svg>
            SLA report
          </a>
        </nav>
        <nav aria-label="Settings" className="hidden px-2 lg:block">
          <a href="/agent/settings/" className="flex items-center gap-2.5 rounded-md px-2 py-1.5 text-sm text-slate-300 hover:bg-slate-800/60 hover:text-white">
            <svg aria-hidden="true" viewBox="0 0 20 20" className="h-4 w-4 opacity-80" fill="none" stroke="currentColor" strokeWidth="1.6"><path d="M5 8a5 5 0 0 1 10 0v3l1.5 3h-13L5 11V8Zm3 8a2 2 0 0 0 4 0" strokeLinejoin="round" /></svg>
            Notifications
          </a>
        </nav>
        <div className="mt-auto hidden items-center gap-2.5 border-t border-slate-800 px-4 py-3 lg:flex">
          <Avatar name={actor.name || actor.email} size="sm" />
          <div className="min-w-0 flex-1">
            <p className="truncate text-sm font-medium text-white">{actor.name || actor.email}</p>
            <p className="truncate text-xs text-slate-400">{actor.email}</p>
          </div>
          <a href="/signout/" className="rounded px-1.5 py-1 text-xs text-slate-400 hover:bg-slate-800 hover:text-white">Sign out</a>
        </div>
        </div>
      </aside>
      <div id="main" className="min-w-0 flex-1">{children}</div>
      <ReplyNotifier />
    </div>
  );
}
