import type { Prisma } from "@/lib/db/generated/client";
import { db } from "@/lib/db/client";
import type { Actor } from "../actor";
import { paginate, type PageRequest, type SortKey } from "../keyset";
import { assertCan } from "../policy";
import { literal } from "../tickets/search-matches";
import { invitationSelect, invitationStatusWhere, type InvitationRow, type InvitationStatus } from "./invitation-select";

export const INVITATION_KEYS: SortKey<InvitationRow>[] = [
  { field: "createdAt", dir: "desc", type: "date", get: (i) => i.createdAt },
  { field: "id", dir: "desc", type: "string", get: (i) => i.id },
];

export interface InvitationFilter {
  status?: InvitationStatus;
  /** Case-insensitive substring of the address. */
  search?: string;
}

/** Every invitation, newest first (admins only). */
export async function listInvitations(actor: Actor, f: InvitationFilter, page: PageRequest<InvitationRow>) {
  assertCan(actor, "invitation:manage", {}, "Only admins can see invitations.");
  const prisma = await db();
  const and: Prisma.InvitationWhereInput[] = [];
  if (f.status) and.push(invitationStatusWhere(f.status));
  const term = f.search?.trim();
  if (term) and.push({ email: { contains: literal(term), mode: "insensitive" } });
  return paginate(page, (args) =>
    prisma.invitation.findMany({
      where: { AND: [...and, args.where as Prisma.InvitationWhereInput] },
      orderBy: args.orderBy as Prisma.InvitationOrderByWithRelationInput[],
      take: args.take,
      select: invitationSelect,
    }),
  );
}
