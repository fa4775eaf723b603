import type { Metadata } from "next";
import { requireAdminPage } from "../_lib/require-admin";
import { AdminPageHeader } from "../_lib/page-header";
import { AuditLogView } from "./audit-log-view";

export const metadata: Metadata = { title: "Audit log" };
export const dynamic = "force-dynamic";

export default async function AuditLogPage() {
  await requireAdminPage("/admin/audit-log/");
  return (
    <main>
      <AdminPageHeader title="Audit log" description="Every administrative change and every sign-in: who, what, when and from where. Read-only." />
      <div className="px-6 py-6">
        <AuditLogView />
      </div>
    </main>
  );
}
