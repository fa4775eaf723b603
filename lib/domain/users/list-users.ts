import { db } from "@/lib/db/client";
import type { Prisma, Role } from "@/lib/db/generated/client";
import type { Actor } from "../actor";
import { paginate, type PageRequest, type SortKey } from "../keyset";
import { assertCan } from "../policy";
import { literal } from "../tickets/search-matches";
import { managedUserSelect, type ManagedUserRow } from "./managed-user-select";
import { NotFoundError } from "../errors";

/** By address: unique, and what an admin scans for. */
export const USER_KEYS: SortKey<ManagedUserRow>[] = [
  { field: "email", dir: "asc", type: "string", get: (u) => u.email },
  { field: "id", dir: "asc", type: "string", get: (u) => u.id },
];

export interface UserFilter {
  /** Case-insensitive substring of the name or the email address. */
  search?: string;
  role?: Role;
  isActive?: boolean;
}

/** Every account, for admins: the users page of the admin area and GET /api/v1/admin/users/. */
export async function listUsers(actor: Actor, f: UserFilter, page: PageRequest<ManagedUserRow>) {
  assertCan(actor, "user:manage");
  const prisma = await db();
  const and: Prisma.UserWhereInput[] = [];
  const term = f.search?.trim();
  if (term) {
    const like = { contains: literal(term), mode: "insensitive" as const };
    and.push({ OR: [{ name: like }, { email: like }] });
  }
  if (f.role) and.push({ role: f.role });
  if (f.isActive !== undefined) and.push({ isActive: f.isActive });
  return paginate(page, (args) =>
    prisma.user.findMany({
      where: { AND: [...and, args.where as Prisma.UserWhereInput] },
      orderBy: args.orderBy as Prisma.UserOrderByWithRelationInput[],
      take: args.take,
      select: managedUserSelect,
    }),
  );
}

/** One account, for admins (404 when there is none). */
export async function getManagedUser(actor: Actor, id: string): Promise<ManagedUserRow> {
  assertCan(actor, "user:manage");
  const prisma = await db();
  const user = await prisma.user.findUnique({ where: { id }, select: managedUserSelect });
  if (!user) throw new NotFoundError();
  return user;
}
