import type { Metadata } from "next";
import { serializeTeam } from "@/lib/api/admin/teams";
import { listTeams } from "@/lib/domain/teams/list-teams";
import { TEAM_KEYS } from "@/lib/domain/teams/team-select";
import { listAgents } from "@/lib/domain/users/list-agents";
import { requireAdminPage } from "../_lib/require-admin";
import { AdminHeader } from "../_components/admin-header";
import { TeamsAdmin } from "./teams-admin";

export const metadata: Metadata = { title: "Teams" };
export const dynamic = "force-dynamic";

export default async function TeamsPage() {
  const actor = await requireAdminPage("/admin/teams/");
  const [teams, agents] = await Promise.all([listTeams(actor, { keys: TEAM_KEYS, after: null, size: 100 }), listAgents(actor)]);
  return (
    <main>
      <AdminHeader title="Teams" subtitle="Group agents into teams; tickets can be routed to a team. An agent is in at most one team." />
      <TeamsAdmin teams={teams.rows.map(serializeTeam)} agents={agents} />
    </main>
  );
}
