import type { Metadata } from "next";
import { serializeInvitation } from "@/lib/api/admin/invitations";
import { listInvitations, INVITATION_KEYS } from "@/lib/domain/invitations/list-invitations";
import { INVITABLE_ROLES } from "@/lib/domain/invitations/invitation-select";
import { listTeams } from "@/lib/domain/teams/list-teams";
import { TEAM_KEYS } from "@/lib/domain/teams/team-select";
import { can } from "@/lib/domain/policy";
import { requireAdminPage } from "../_lib/require-admin";
import { AdminHeader } from "../_components/admin-header";
import { InvitationsAdmin } from "./invitations-admin";

export const metadata: Metadata = { title: "Invitations" };
export const dynamic = "force-dynamic";

export default async function InvitationsPage() {
  const actor = await requireAdminPage("/admin/invitations/");
  const [invitations, teams] = await Promise.all([
    listInvitations(actor, {}, { keys: INVITATION_KEYS, after: null, size: 100 }),
    listTeams(actor, { keys: TEAM_KEYS, after: null, size: 100 }),
  ]);
  const roles = INVITABLE_ROLES.filter((role) => can(actor, "role:grant", { role }));
  return (
    <main>
      <AdminHeader title="Invitations" subtitle="Invite agents and admins by email. A link works once, for 7 days." />
      <InvitationsAdmin
        invitations={invitations.rows.map(serializeInvitation)}
        teams={teams.rows.map((t) => ({ id: t.id, name: t.name }))}
        roles={roles}
      />
    </main>
  );
}
