import { db } from "@/lib/db/client";
import type { Role } from "@/lib/db/generated/client";
import { hashPassword } from "@/lib/domain/auth/password";
import { signToken } from "@/lib/auth/jwt";
import { actorSelect, type Actor } from "@/lib/domain/actor";

let seq = 0;
const PASSWORD_HASH_CACHE: Record<string, string> = {};

export interface TestUser extends Actor {
  token: string;
  password: string;
}

/** A user with a signed access token. Roles: customer, customer_service, admin, ... */
export async function makeUser(
  opts: { role?: Role; isStaff?: boolean; permissions?: string[]; email?: string; name?: string; password?: string } = {},
): Promise<TestUser> {
  const prisma = await db();
  const n = ++seq;
  const password = opts.password ?? "correct horse battery staple";
  PASSWORD_HASH_CACHE[password] ??= await hashPassword(password);
  const user = await prisma.user.create({
    data: {
      email: opts.email ?? `user${n}-${Date.now()}@example.test`,
      name: opts.name ?? `User ${n}`,
      role: opts.role ?? "customer",
      isStaff: opts.isStaff ?? false,
      permissions: opts.permissions ?? [],
      passwordHash: PASSWORD_HASH_CACHE[password],
    },
    select: actorSelect,
  });
  const { isActive: _a, ...actor } = user;
  return { ...actor, token: await signToken(user.id, "access"), password };
}

export interface Cast {
  /** Opens tickets; sees only their own. */
  customer: TestUser;
  /** A second customer, to prove that one customer never sees another's tickets. */
  otherCustomer: TestUser;
  /** customer_service: the "Support" team. */
  agent: TestUser;
  /** A second customer_service agent, for "only the assignee may…" rules. */
  otherAgent: TestUser;
  /** sales_manager: an agent whose role maps to the "Sales" team. */
  salesManager: TestUser;
  admin: TestUser;
  superAdmin: TestUser;
}

/**
 * The users most tests need, with fixed names so assertions can spell them out. Each call
 * creates new users (emails are unique), so a file calls it once in its beforeAll.
 */
export async function makeCast(): Promise<Cast> {
  return {
    customer: await makeUser({ name: "Cathy Customer" }),
    otherCustomer: await makeUser({ name: "Other Customer" }),
    agent: await makeUser({ role: "customer_service", name: "Agent One" }),
    otherAgent: await makeUser({ role: "customer_service", name: "Agent Two" }),
    salesManager: await makeUser({ role: "sales_manager", name: "Sam Sales" }),
    admin: await makeUser({ role: "admin", name: "Ada Admin" }),
    superAdmin: await makeUser({ role: "super_admin", name: "Sue Super" }),
  };
}
