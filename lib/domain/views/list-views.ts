import type { Prisma } from "@/lib/db/generated/client";
import { db } from "@/lib/db/client";
import type { Actor } from "../actor";
import { paginate, type PageRequest, type SortKey } from "../keyset";
import { assertCan } from "../policy";
import { viewSelect, viewsVisibleTo, type ViewRow } from "./view-select";

export const VIEW_KEYS: SortKey<ViewRow>[] = [
  { field: "position", dir: "asc", type: "number", get: (v) => v.position },
  { field: "id", dir: "asc", type: "string", get: (v) => v.id },
];

/** The saved views the actor may open: their own and their team's, in sidebar order. */
export async function listViews(actor: Actor, page: PageRequest<ViewRow>) {
  assertCan(actor, "saved-view:use", {}, "Only support agents have saved views.");
  const prisma = await db();
  return paginate(page, (args) =>
    prisma.savedView.findMany({
      where: { AND: [viewsVisibleTo(actor), args.where as Prisma.SavedViewWhereInput] },
      orderBy: args.orderBy as Prisma.SavedViewOrderByWithRelationInput[],
      take: args.take,
      select: viewSelect,
    }),
  );
}
