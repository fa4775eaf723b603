import { redirect } from "next/navigation";
import { requirePageActor } from "@/lib/auth/session";
import type { Actor } from "@/lib/domain/actor";
import { can } from "@/lib/domain/policy";

/**
 * Every portal page checks this itself (layouts and pages render concurrently in Next), so an
 * agent following a portal link never triggers the portal's reads or mark-read.
 */
export async function requireCustomerPage(callbackUrl: string): Promise<Actor> {
  const actor = await requirePageActor(callbackUrl);
  if (can(actor, "queue:view")) redirect("/agent/");
  return actor;
}
