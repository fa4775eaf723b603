import type { Prisma } from "@/lib/db/generated/client";
import { db } from "@/lib/db/client";
import type { Actor } from "../actor";
import { paginate, type PageRequest } from "../keyset";
import { assertCan } from "../policy";
import { apiTokenSelect, type ApiTokenRow } from "./api-token-select";

/** Whose tokens: the actor's own (default), one user's, or everyone's ("all"; admins only). */
export type TokenOwner = { userId: string } | "all" | "own";

/** Live (not revoked) tokens, newest first. Another user's, or everyone's, are for admins. */
export async function listApiTokens(actor: Actor, owner: TokenOwner, page: PageRequest<ApiTokenRow>) {
  const userId = owner === "own" ? actor.id : owner === "all" ? null : owner.userId;
  if (userId === actor.id) assertCan(actor, "api-token:manage-own");
  else assertCan(actor, "api-token:manage-any", {}, "Only admins can see other people's tokens.");
  const prisma = await db();
  const where: Prisma.ApiTokenWhereInput = { revokedAt: null, ...(userId ? { userId } : {}) };
  return paginate(page, (args) =>
    prisma.apiToken.findMany({
      where: { AND: [where, args.where as Prisma.ApiTokenWhereInput] },
      orderBy: args.orderBy as Prisma.ApiTokenOrderByWithRelationInput[],
      take: args.take,
      select: apiTokenSelect,
    }),
  );
}
