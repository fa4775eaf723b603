import type { Prisma } from "@/lib/db/generated/client";
import { db } from "@/lib/db/client";
import type { Actor } from "../actor";
import { paginate, type PageRequest, type SortKey } from "../keyset";
import { assertCan } from "../policy";
import { literal } from "../tickets/search-matches";
import { macroSelect, macrosVisibleTo, type MacroRow } from "./macro-select";

export const MACRO_KEYS: SortKey<MacroRow>[] = [
  { field: "name", dir: "asc", type: "string", get: (m) => m.name },
  { field: "id", dir: "asc", type: "string", get: (m) => m.id },
];

export interface MacroFilter {
  /** Case-insensitive substring of the name or the body. */
  search?: string;
  shared?: boolean;
}

/** The macros the actor may use (shared ones and their own), by name. */
export async function listMacros(actor: Actor, f: MacroFilter, page: PageRequest<MacroRow>) {
  assertCan(actor, "macro:use", {}, "Only support agents can use macros.");
  const prisma = await db();
  const and: Prisma.MacroWhereInput[] = [macrosVisibleTo(actor)];
  const term = f.search?.trim();
  if (term) {
    const like = { contains: literal(term), mode: "insensitive" as const };
    and.push({ OR: [{ name: like }, { body: like }] });
  }
  if (f.shared !== undefined) and.push({ shared: f.shared });
  return paginate(page, (args) =>
    prisma.macro.findMany({
      where: { AND: [...and, args.where as Prisma.MacroWhereInput] },
      orderBy: args.orderBy as Prisma.MacroOrderByWithRelationInput[],
      take: args.take,
      select: macroSelect,
    }),
  );
}
