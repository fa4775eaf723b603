import { db } from "@/lib/db/client";
import type { Actor } from "../actor";
import { PermissionDeniedError } from "../errors";
import { can } from "../policy";

export interface AgentSummary {
  id: string;
  name: string;
  email: string;
  /** A deactivated agent who still has tickets assigned: shown as such, never offered as a new assignee. */
  deactivated: boolean;
}

/**
 * Active support agents, for the assignee and watcher pickers, and deactivated ones that still
 * have tickets assigned (flagged, so pages can name them but not offer them). Mirrors policy.isAgent in SQL
 * (staff, one of the support roles, or the support.view_ticket permission). Customers may not
 * enumerate staff.
 */
export async function listAgents(actor: Actor): Promise<AgentSummary[]> {
  if (!can(actor, "agent:list")) throw new PermissionDeniedError();
  const prisma = await db();
  const agents = await prisma.user.findMany({
    where: {
      OR: [
        {
          isActive: true,
          OR: [
            { isStaff: true },
            { role: { in: ["customer_service", "sales_manager", "admin", "super_admin"] } },
            { permissions: { has: "support.view_ticket" } },
          ],
        },
        // Their tickets stay assigned to them; the pages must still name them.
        { isActive: false, assignedTickets: { some: {} } },
      ],
    },
    select: { id: true, name: true, email: true, isActive: true },
    orderBy: [{ name: "asc" }, { email: "asc" }],
    take: 500,
  });
  return agents.map(({ isActive, ...a }) => ({ ...a, deactivated: !isActive }));
}
