import type { Metadata } from "next";
import { PERMISSIONS } from "@/lib/domain/policy";
import { ROLES } from "@/lib/domain/users/upsert-user";
import { requireAdminPage } from "../_lib/require-admin";
import { AdminPageHeader } from "../_lib/page-header";
import { UsersAdmin } from "./users-admin";

export const metadata: Metadata = { title: "Users" };
export const dynamic = "force-dynamic";

export default async function AdminUsersPage() {
  const actor = await requireAdminPage("/admin/users/");
  return (
    <main>
      <AdminPageHeader title="Users" description="Everyone with an account: change roles, staff flags and permissions, deactivate and reactivate." />
      <div className="px-6 py-6">
        <UsersAdmin
          me={{ id: actor.id, role: actor.role }}
          roles={[...ROLES]}
          permissions={Object.entries(PERMISSIONS).map(([code, label]) => ({ code, label }))}
        />
      </div>
    </main>
  );
}
