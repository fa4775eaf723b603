import type { Prisma } from "@/lib/db/generated/client";
import { db } from "@/lib/db/client";
import type { Actor } from "../actor";
import { paginate, type PageRequest } from "../keyset";
import { assertCan } from "../policy";
import { teamSelect, type TeamRow } from "./team-select";

/** Every team with its members, by name (admins only). */
export async function listTeams(actor: Actor, page: PageRequest<TeamRow>) {
  assertCan(actor, "team:manage", {}, "Only admins can manage teams.");
  const prisma = await db();
  return paginate(page, (args) =>
    prisma.team.findMany({
      where: args.where as Prisma.TeamWhereInput,
      orderBy: args.orderBy as Prisma.TeamOrderByWithRelationInput[],
      take: args.take,
      select: teamSelect,
    }),
  );
}
