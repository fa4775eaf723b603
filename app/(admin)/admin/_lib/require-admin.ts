import { notFound } from "next/navigation";
import { requirePageActor } from "@/lib/auth/session";
import type { Actor } from "@/lib/domain/actor";
import { can } from "@/lib/domain/policy";

/**
 * Every admin page calls this itself, first: Next renders a layout and its page concurrently,
 * so the layout's check alone would not stop a page's reads for a non-admin. Signed-out
 * visitors go to sign-in (as in the agent workspace); everyone else who is not an admin gets 404.
 */
export async function requireAdminPage(callbackUrl: string): Promise<Actor> {
  const actor = await requirePageActor(callbackUrl);
  if (!can(actor, "admin:access")) notFound();
  return actor;
}
