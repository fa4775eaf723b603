import type { Metadata } from "next";
import { requireAgentPage } from "../_lib/require-agent";
import { getNotificationPreferences } from "@/lib/domain/users/get-notification-preferences";
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
      </div>
    </main>
  );
}
