import { db } from "@/lib/db/client";
import type { Actor } from "../actor";
import { assertCan } from "../policy";

/** What an SLA policy's team and company conditions can name, for the admin's pickers. */
export async function listSlaConditionChoices(actor: Actor) {
  assertCan(actor, "sla-policy:manage", {}, "Only admins can manage SLA policies.");
  const prisma = await db();
  const [teams, companies] = await Promise.all([
    prisma.team.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" }, take: 500 }),
    prisma.company.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" }, take: 2000 }),
  ]);
  return { teams, companies };
}
