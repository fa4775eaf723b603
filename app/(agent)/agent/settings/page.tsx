import type { Metadata } from "next";
import { requireAgentPage } from "../_lib/require-agent";
import { getNotificationPreferences } from "@/lib/domain/users/get-notification-preferences";
import { DesktopNotificationsButton } from "@/components/realtime/desktop-notifications-button";
import { PreferencesForm } from "./preferences-form";

export const metadata: Metadata = { title: "Notifications" };
export const dynamic = "force-dynamic";

export default async function SettingsPage() {
  const actor = await requireAgentPage("/agent/settings/");
  const prefs = await getNotificationPreferences(actor);
  return (
    <main>
      <header className="border-b border-slate-200 bg-white px-6 py-4">
        <h1 className="text-lg font-semibold tracking-tight text-slate-900">Email notifications</h1>
        <p className="text-xs text-slate-500">Choose which emails Caseflow sends you.</p>
      </header>
      <div className="max-w-xl px-6 py-6">
        <PreferencesForm initial={prefs as Record<string, boolean>} />
        <section className="mt-8">
          <h2 className="text-sm font-semibold text-slate-900">Desktop notifications</h2>
          <p className="mb-3 text-xs text-slate-500">A notification for each customer reply on your tickets while Caseflow&apos;s tab is hidden.</p>
          <DesktopNotificationsButton />
        </section>
      </div>
    </main>
  );
}
