import { db } from "@/lib/db/client";
import type { Actor } from "../actor";
import { PermissionDeniedError } from "../errors";
import { can } from "../policy";

export interface AgentSummary {
  id: string;
  name: string;
  email: string;
}

/**
 * Active support agents, for the assignee and watcher pickers. Mirrors policy.isAgent in SQL
 * (staff, one of the support roles, or the support.view_ticket permission). Customers may not
 * enumerate staff.
 */
export async function listAgents(actor: Actor): Promise<AgentSummary[]> {
  if (!can(actor, "agent:list")) throw new PermissionDeniedError();
  const prisma = await db();
  return prisma.user.findMany({
    where: {
      isActive: true,
      OR: [
        { isStaff: true },
        { role: { in: ["customer_service", "sales_manager", "admin", "super_admin"] } },
        { permissions: { has: "support.view_ticket" } },
      ],
    },
    select: { id: true, name: true, email: true },
    orderBy: [{ name: "asc" }, { email: "asc" }],
    take: 500,
  });
}
