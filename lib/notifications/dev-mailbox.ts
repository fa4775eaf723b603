import { db } from "@/lib/db/client";
import { isUuid } from "@/lib/schemas/common";

/**
 * The dev mailbox shows every stored email, customers' included, so it exists only outside
 * production. A production instance that deliberately runs the local transport (a staging
 * demo) can opt in with DEV_MAILBOX=on. In every mode the page shows it only to signed-in
 * agents ("open" and "agents" differ only in where it exists).
 */
export function devMailboxAccess(env: NodeJS.ProcessEnv = process.env): "open" | "agents" | "off" {
  if (env.NODE_ENV !== "production") return "open";
  return env.MAIL_TRANSPORT === "local" && env.DEV_MAILBOX === "on" ? "agents" : "off";
}

export async function listLocalMail(limit = 100) {
  const prisma = await db();
  return prisma.localMail.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: { id: true, to: true, subject: true, createdAt: true },
  });
}

export async function getLocalMail(id: string | undefined) {
  if (!id || !isUuid(id)) return null;
  const prisma = await db();
  return prisma.localMail.findUnique({ where: { id } });
}
