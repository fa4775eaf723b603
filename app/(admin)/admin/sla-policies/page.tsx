import { listSlaConditionChoices } from "@/lib/domain/sla/list-sla-condition-choices";
import { requireAdminPage } from "../_lib/require-admin";
import { SlaPoliciesAdmin } from "./sla-policies-admin";

export const dynamic = "force-dynamic";
export const metadata = { title: "SLA policies · Admin · Caseflow" };

/** Admins order, create, edit and delete SLA policies and their business-hours calendars. */
export default async function SlaPoliciesPage() {
  const actor = await requireAdminPage("/admin/sla-policies/");
  const choices = await listSlaConditionChoices(actor);
  return (
    <main className="mx-auto max-w-5xl px-6 py-8">
      <h1 className="text-xl font-semibold text-slate-900">SLA policies</h1>
      <p className="mt-1 text-sm text-slate-600">
        The first policy whose conditions all match a ticket applies; the default policy catches the rest. Targets count business time in the policy&apos;s calendar.
      </p>
      <SlaPoliciesAdmin teams={choices.teams} companies={choices.companies} />
    </main>
  );
}
