import type { Prisma, Priority, TicketStatus } from "@/lib/db/generated/client";
import type { Actor } from "../actor";
import { can } from "../policy";

export const macroSelect = {
  id: true, name: true, body: true, status: true, priority: true, assignee: true, assigneeId: true,
  addTags: true, removeTags: true, shared: true, ownerId: true, usageCount: true, lastUsedAt: true,
  createdAt: true, updatedAt: true,
} satisfies Prisma.MacroSelect;
export type MacroRow = Prisma.MacroGetPayload<{ select: typeof macroSelect }>;

/** "me" (whoever applies it), "none" (unassign), a user id, or null (leave the assignee). */
export type MacroAssignTo = "me" | "none" | string | null;

/** A macro in the domain's words; every field optional on update. */
export interface MacroInput {
  name?: string;
  body?: string;
  status?: TicketStatus | null;
  priority?: Priority | null;
  assignTo?: MacroAssignTo;
  addTags?: string[];
  removeTags?: string[];
  shared?: boolean;
}

export function macroAssignTo(m: Pick<MacroRow, "assignee" | "assigneeId">): MacroAssignTo {
  if (m.assignee === "user") return m.assigneeId;
  return m.assignee ?? null;
}

/** Macros the actor may see, as a where clause: shared ones and their own personal ones. */
export function macrosVisibleTo(actor: Actor): Prisma.MacroWhereInput {
  if (!can(actor, "macro:use")) return { id: { in: [] } };
  return { OR: [{ shared: true }, { ownerId: actor.id }] };
}
