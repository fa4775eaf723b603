import { notFound } from "next/navigation";
import { SkipLink } from "@/components/skip-link";
import { QueueSkipLink } from "@/components/queue-skip-link";
import { requirePageActor } from "@/lib/auth/session";
import { can } from "@/lib/domain/policy";
import { SidebarBrand, SidebarUser } from "@/components/staff-sidebar";
import { ReplyNotifier } from "@/components/realtime/reply-notifier";
import { NotificationBell } from "@/components/notifications/notification-bell";
import { AgentNav } from "./agent-nav";
import { SavedViewsNav } from "./saved-views-nav";

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
        <div className="flex items-center pr-3">
          <div className="min-w-0 flex-1"><SidebarBrand area="Agent" /></div>
          <NotificationBell />
        </div>
        <AgentNav />
        <SavedViewsNav selfId={actor.id} />
        <nav aria-label="Reports" className="hidden px-2 pt-4 lg:block">
          <a href="/agent/sla-report/" className="flex items-center gap-2.5 rounded-md px-2 py-1.5 text-sm text-slate-300 hover:bg-slate-800/60 hover:text-white">
            <svg aria-hidden="true" viewBox="0 0 20 20" className="h-4 w-4 opacity-80" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round"><path d="M4 16V9m4 7V5m4 11v-5m4 5V7" /></svg>
            SLA report
          </a>
        </nav>
        <nav aria-label="Settings" className="hidden px-2 lg:block">
          <a href="/agent/macros/" className="flex items-center gap-2.5 rounded-md px-2 py-1.5 text-sm text-slate-300 hover:bg-slate-800/60 hover:text-white">
            <svg aria-hidden="true" viewBox="0 0 20 20" className="h-4 w-4 opacity-80" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round"><path d="M4 5h12M4 10h8M4 15h5m6-3 3 3-3 3" /></svg>
            Macros
          </a>
          <a href="/agent/settings/" className="flex items-center gap-2.5 rounded-md px-2 py-1.5 text-sm text-slate-300 hover:bg-slate-800/60 hover:text-white">
            <svg aria-hidden="true" viewBox="0 0 20 20" className="h-4 w-4 opacity-80" fill="none" stroke="currentColor" strokeWidth="1.6"><path d="M5 8a5 5 0 0 1 10 0v3l1.5 3h-13L5 11V8Zm3 8a2 2 0 0 0 4 0" strokeLinejoin="round" /></svg>
            Notifications
          </a>
          {can(actor, "admin:access") && (
            <a href="/admin/" className="flex items-center gap-2.5 rounded-md px-2 py-1.5 text-sm text-slate-300 hover:bg-slate-800/60 hover:text-white">
              <svg aria-hidden="true" viewBox="0 0 20 20" className="h-4 w-4 opacity-80" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinejoin="round"><path d="M10 2 3 5v5c0 4 3 7 7 8 4-1 7-4 7-8V5l-7-3Z" /></svg>
              Admin
            </a>
          )}
        </nav>
        <SidebarUser name={actor.name} email={actor.email} />
        </div>
      </aside>
      <div id="main" className="min-w-0 flex-1">{children}</div>
      <ReplyNotifier />
    </div>
  );
}
