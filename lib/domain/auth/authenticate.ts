import { db } from "@/lib/db/client";
import { actorSelect, type Actor } from "../actor";
import { NotAuthenticatedError } from "../errors";
import { verifyPassword } from "./password";
import { assertNotThrottled, clearFailures, recordFailure } from "./throttle";

/**
 * Email + password sign-in, shared by the browser (next-auth credentials) and the API token
 * endpoint, so both are throttled and fail the same way.
 */
export async function authenticate(email: string, password: string, clientIp: string | null): Promise<Actor> {
  const prisma = await db();
  const normalized = email.trim().toLowerCase();
  const keys = [`email:${normalized}`, ...(clientIp ? [`ip:${clientIp}`] : [])];
  await assertNotThrottled(prisma, keys);
  const user = await prisma.user.findUnique({
    where: { email: normalized },
    select: { ...actorSelect, passwordHash: true },
  });
  const ok = await verifyPassword(password, user?.passwordHash);
  if (!user || !ok || !user.isActive) {
    await recordFailure(prisma, keys);
    throw new NotAuthenticatedError("No active account found with the given credentials.");
  }
  await clearFailures(prisma, `email:${normalized}`);
  const { passwordHash: _ph, isActive: _a, ...actor } = user;
  return actor;
}

export async function loadActor(userId: string): Promise<Actor | null> {
  const prisma = await db();
  const user = await prisma.user.findUnique({ where: { id: userId }, select: actorSelect });
  if (!user || !user.isActive) return null;
  const { isActive: _a, ...actor } = user;
  return actor;
}
