import type { Prisma } from "@/lib/db/generated/client";
import type { Actor } from "../actor";
import { can } from "../policy";

export const viewSelect = {
  id: true, ownerId: true, name: true, query: true, teamId: true, position: true, createdAt: true, updatedAt: true,
} satisfies Prisma.SavedViewSelect;
export type ViewRow = Prisma.SavedViewGetPayload<{ select: typeof viewSelect }>;

/** A saved view in the domain's words; every field optional on update. */
export interface ViewInput {
  name?: string;
  /** The queue URL's query string (filters and ordering), already validated by the caller's contract. */
  query?: string;
  /** Shared with the owner's team, or personal. */
  shared?: boolean;
  /** Move to this place (0-based) among the owner's views. */
  position?: number;
}

/** Most views an agent may own: the sidebar is a list, not a store. */
export const MAX_VIEWS_PER_OWNER = 100;

/**
 * Views the actor may see, as a where clause: their own (personal or shared), and those shared
 * with their team. Admins see no more: another agent's personal view is theirs alone.
 */
export function viewsVisibleTo(actor: Actor): Prisma.SavedViewWhereInput {
  if (!can(actor, "saved-view:use")) return { id: { in: [] } };
  const or: Prisma.SavedViewWhereInput[] = [{ ownerId: actor.id }];
  if (actor.teamId) or.push({ teamId: actor.teamId });
  return { OR: or };
}
