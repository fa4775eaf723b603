import { z } from "zod";
import { db } from "@/lib/db/client";
import { hashPassword } from "../auth/password";

export const ROLES = ["customer", "customer_service", "sales_manager", "admin", "super_admin"] as const;

export const upsertUserSchema = z.object({
  email: z.email({ error: "Enter a valid email address." }).max(254).transform((s) => s.trim().toLowerCase()),
  password: z.string().min(8, { error: "Passwords have at least 8 characters." }).max(1024),
  role: z.enum(ROLES, { error: `Role must be one of: ${ROLES.join(", ")}.` }),
  name: z.string().max(200).optional(),
  isStaff: z.boolean().optional(),
  permissions: z.array(z.string().regex(/^[a-z_]+\.[a-z_]+$/, { error: "Permissions look like app.codename, e.g. support.view_ticket." })).optional(),
});

/** Creates a user or updates the one with that email (the project's `createsuperuser`). */
export async function upsertUser(input: z.input<typeof upsertUserSchema>) {
  const u = upsertUserSchema.parse(input);
  const prisma = await db();
  const passwordHash = await hashPassword(u.password);
  const data = {
    name: u.name ?? u.email.split("@")[0],
    role: u.role,
    isStaff: u.isStaff ?? false,
    permissions: u.permissions ?? [],
    passwordHash,
    isActive: true,
  };
  const existing = await prisma.user.findUnique({ where: { email: u.email }, select: { id: true } });
  const user = await prisma.user.upsert({
    where: { email: u.email },
    create: { email: u.email, ...data },
    update: { ...data, ...(u.name === undefined ? { name: undefined } : {}) },
    select: { id: true, email: true, role: true, isStaff: true, permissions: true },
  });
  return { user, created: !existing };
}
