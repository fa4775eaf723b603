import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { currentActor } from "@/lib/auth/session";
import { devMailboxAccess } from "@/lib/notifications/dev-mailbox";
import { DevMailbox } from "./dev-mailbox";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Dev mailbox", robots: { index: false, follow: false } };

/** The dev mailbox for the signed-in agent (see DevMailbox for who may see it). */
export default async function DevMailboxPage({ searchParams }: { searchParams: Promise<{ id?: string; view?: string; replied?: string }> }) {
  if (devMailboxAccess() === "off") notFound();
  return DevMailbox({ actor: await currentActor(), query: await searchParams });
}
