import { notFound } from "next/navigation";
import { requirePageActor } from "@/lib/auth/session";
import type { Actor } from "@/lib/domain/actor";
import { can } from "@/lib/domain/policy";

/**
 * Every agent page checks this itself: Next renders a layout and its page concurrently, so
 * the layout's check alone would not stop a page's reads (or its mark-read) for a customer.
 */
export async function requireAgentPage(callbackUrl: string): Promise<Actor> {
  const actor = await requirePageActor(callbackUrl);
  if (!can(actor, "queue:view")) notFound();
  return actor;
}
