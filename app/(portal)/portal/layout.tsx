import Link from "next/link";
import { SkipLink } from "@/components/skip-link";
import { redirect } from "next/navigation";
import { requirePageActor } from "@/lib/auth/session";
import { can } from "@/lib/domain/policy";

export const dynamic = "force-dynamic";

export default async function PortalLayout({ children }: { children: React.ReactNode }) {
  const actor = await requirePageActor("/portal/");
  // Agents work in the workspace; the portal is the customer's own view.
  if (can(actor, "queue:view")) redirect("/agent/");
  return (
    <div className="min-h-screen bg-slate-50">
      <SkipLink />
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-4xl items-center gap-3 px-4 py-3 sm:px-6">
          <Link href="/portal/" className="flex items-center gap-2">
            <span aria-hidden="true" className="flex h-8 w-8 items-center justify-center rounded-lg bg-brand-600 text-sm font-bold text-white">C</span>
            <span className="text-[15px] font-semibold tracking-tight text-slate-900">Caseflow <span className="font-normal text-slate-500">Support</span></span>
          </Link>
          <nav aria-label="Account" className="ml-auto flex items-center gap-1 text-sm">
            <Link href="/portal/" className="hidden rounded-md px-2.5 py-1.5 font-medium text-slate-700 hover:bg-slate-100 sm:block">My tickets</Link>
            <span className="hidden max-w-[12rem] truncate px-2 text-slate-500 md:block">{actor.email}</span>
            <Link href="/profile/" className="rounded-md px-2.5 py-1.5 font-medium text-slate-700 hover:bg-slate-100">Profile</Link>
            <a href="/signout/" className="rounded-md px-2.5 py-1.5 font-medium text-slate-700 hover:bg-slate-100">Sign out</a>
          </nav>
        </div>
      </header>
      <div id="main" className="mx-auto max-w-4xl px-4 py-6 sm:px-6 sm:py-8">{children}</div>
    </div>
  );
}
