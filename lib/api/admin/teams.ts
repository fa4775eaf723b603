import { z } from "zod";
import { idSchema, listParams, pageOf } from "@/lib/schemas/common";
import type { ApiOperation } from "@/lib/schemas/operation";
import type { TeamRow } from "@/lib/domain/teams/team-select";

/**
 * Wire shapes of /api/v1/admin/teams/. A team is listed with its members; members are added
 * with POST …/teams/{id}/members/ {user} and removed with DELETE …/teams/{id}/members/{user_id}/
 * (a user is in at most one team, so adding moves them).
 */
const name = z
  .string({ error: "Not a valid string." })
  .trim()
  .min(1, { error: "This field may not be blank." })
  .max(100, { error: "Ensure this field has no more than 100 characters." });

export const teamWriteSchema = z.object({ name }).meta({ id: "TeamWrite" });
export const teamListQuerySchema = z.object({ ...listParams }).meta({ id: "TeamListQuery" });
export const teamMemberAddSchema = z.object({ user: idSchema }).meta({ id: "TeamMemberAdd" });

export function serializeTeam(t: TeamRow) {
  return {
    id: t.id,
    name: t.name,
    member_count: t.members.length,
    members: t.members.map((m) => ({ id: m.id, name: m.name, email: m.email, role: m.role, is_active: m.isActive })),
    created_at: t.createdAt.toISOString(),
  };
}

const uuid = z.string().meta({ format: "uuid" });
export const teamOut = z
  .object({
    id: uuid,
    name: z.string(),
    member_count: z.number().int(),
    members: z.array(z.object({ id: uuid, name: z.string(), email: z.string(), role: z.string(), is_active: z.boolean() }).strict()),
    created_at: z.string().meta({ format: "date-time" }),
  })
  .strict()
  .meta({ id: "Team" });
export const teamPageOut = pageOf(teamOut, "TeamPage");

export const teamOperations: ApiOperation[] = [
  { method: "get", path: "/api/v1/admin/teams/", tag: "admin", summary: "List teams with their members", query: teamListQuerySchema, response: teamPageOut },
  { method: "post", path: "/api/v1/admin/teams/", tag: "admin", summary: "Create a team", body: teamWriteSchema, response: teamOut, status: 201 },
  { method: "patch", path: "/api/v1/admin/teams/{id}/", tag: "admin", summary: "Rename a team", body: teamWriteSchema, response: teamOut },
  { method: "delete", path: "/api/v1/admin/teams/{id}/", tag: "admin", summary: "Delete a team (its members stay, without a team)" },
  { method: "post", path: "/api/v1/admin/teams/{id}/members/", tag: "admin", summary: "Add an agent to a team", body: teamMemberAddSchema, response: teamOut },
  { method: "delete", path: "/api/v1/admin/teams/{id}/members/{user_id}/", tag: "admin", summary: "Remove a member from a team" },
];
