import type { Metadata } from "next";
import { SettingsForm } from "./settings-form";
import { requireAdminPage } from "../_lib/require-admin";
import { getSettingsFor } from "@/lib/domain/settings/get-settings";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Settings · Admin" };

/** App settings: each switch saves through PATCH /api/v1/admin/settings/ (audited). */
export default async function AdminSettingsPage() {
  const actor = await requireAdminPage("/admin/settings/");
  const { values } = await getSettingsFor(actor);
  return (
    <main className="mx-auto max-w-3xl space-y-6 px-4 py-6 sm:px-8 sm:py-8">
      <h1 className="text-2xl font-semibold tracking-tight">Settings</h1>
      <SettingsForm initial={{ public_ticket_form: values.public_ticket_form, auto_assign_on_reply: values.auto_assign_on_reply }} />
    </main>
  );
}
