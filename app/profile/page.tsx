import type { Metadata } from "next";
import Link from "next/link";
import { SkipLink } from "@/components/skip-link";
import { ApiTokensSection } from "@/components/profile/api-tokens";
import { EmailForm, NameForm, PasswordForm, SignOutEverywhere } from "@/components/profile/profile-forms";
import { requirePageActor } from "@/lib/auth/session";
import { can } from "@/lib/domain/policy";
import { getProfile } from "@/lib/domain/users/update-profile";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Your profile" };

/** Every signed-in user's own account: name, email, password, sessions and API tokens. */
export default async function ProfilePage() {
  const actor = await requirePageActor("/profile/");
  const profile = await getProfile(actor);
  const home = can(actor, "queue:view") ? { href: "/agent/", label: "Back to the queue" } : { href: "/portal/", label: "My tickets" };
  return (
    <div className="min-h-screen bg-slate-50">
      <SkipLink />
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-3xl items-center gap-3 px-4 py-3 sm:px-6">
          <Link href={home.href} className="flex items-center gap-2">
            <span aria-hidden="true" className="flex h-8 w-8 items-center justify-center rounded-lg bg-brand-600 text-sm font-bold text-white">C</span>
            <span className="text-[15px] font-semibold tracking-tight text-slate-900">Caseflow</span>
          </Link>
          <nav aria-label="Account" className="ml-auto flex items-center gap-1 text-sm">
            <Link href={home.href} className="rounded-md px-2.5 py-1.5 font-medium text-slate-700 hover:bg-slate-100">{home.label}</Link>
            <a href="/signout/" className="rounded-md px-2.5 py-1.5 font-medium text-slate-700 hover:bg-slate-100">Sign out</a>
          </nav>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-3xl space-y-6 px-4 py-6 sm:px-6 sm:py-8">
        <h1 className="text-2xl font-semibold tracking-tight">Your profile</h1>
        <NameForm name={profile.name} />
        <EmailForm email={profile.email} hasPassword={profile.hasPassword} />
        <PasswordForm hasPassword={profile.hasPassword} />
        <SignOutEverywhere />
        <ApiTokensSection />
      </main>
    </div>
  );
}
