import { SkipLink } from "@/components/skip-link";
import { SidebarBrand, SidebarUser } from "@/components/staff-sidebar";
import { requireAdminPage } from "./_lib/require-admin";
import { AdminNav } from "./admin-nav";

export const dynamic = "force-dynamic";

export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  // Like the agent workspace: for anyone but an admin the area does not exist (404, not 403).
  const actor = await requireAdminPage("/admin/");
  return (
    <div className="min-h-screen lg:flex">
      <SkipLink />
      <aside className="shrink-0 border-b border-slate-200 bg-slate-900 text-slate-300 lg:w-60 lg:border-r lg:border-b-0">
        <div className="flex flex-col lg:sticky lg:top-0 lg:h-screen">
          <SidebarBrand area="Admin" />
          <AdminNav />
          <nav aria-label="Workspace" className="hidden px-2 pt-4 lg:block">
            <a href="/agent/" className="flex items-center gap-2.5 rounded-md px-2 py-1.5 text-sm text-slate-300 hover:bg-slate-800/60 hover:text-white">
              <svg aria-hidden="true" viewBox="0 0 20 20" className="h-4 w-4 opacity-80" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round"><path d="M12 5 7 10l5 5" /></svg>
              Back to the queue
            </a>
          </nav>
          <SidebarUser name={actor.name} email={actor.email} />
        </div>
      </aside>
      <div id="main" className="min-w-0 flex-1">{children}</div>
    </div>
  );
}
