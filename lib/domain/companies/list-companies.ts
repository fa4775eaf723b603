import type { Prisma } from "@/lib/db/generated/client";
import { db } from "@/lib/db/client";
import type { Actor } from "../actor";
import { paginate, type PageRequest } from "../keyset";
import { assertCan } from "../policy";
import { literal } from "../tickets/search-matches";
import { companySelect, type CompanyRow } from "./company-select";

/** Companies by name; `search` matches the name or the email domain (case-insensitive). Admins only. */
export async function listCompanies(actor: Actor, f: { search?: string }, page: PageRequest<CompanyRow>) {
  assertCan(actor, "company:manage", {}, "Only admins can manage companies.");
  const prisma = await db();
  const and: Prisma.CompanyWhereInput[] = [];
  const term = f.search?.trim();
  if (term) {
    const like = { contains: literal(term), mode: "insensitive" as const };
    and.push({ OR: [{ name: like }, { domain: like }] });
  }
  return paginate(page, (args) =>
    prisma.company.findMany({
      where: { AND: [...and, args.where as Prisma.CompanyWhereInput] },
      orderBy: args.orderBy as Prisma.CompanyOrderByWithRelationInput[],
      take: args.take,
      select: companySelect,
    }),
  );
}
