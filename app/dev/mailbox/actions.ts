"use server";

import { notFound, redirect } from "next/navigation";
import { currentActor } from "@/lib/auth/session";
import { isAgent } from "@/lib/domain/policy";
import { replyToLocalMail } from "@/lib/inbound/dev-reply";
import { devMailboxAccess } from "@/lib/notifications/dev-mailbox";
import { isUuid } from "@/lib/schemas/common";

/** "Reply as the customer" in the dev mailbox: the same gate as the mailbox page itself. */
export async function replyAsCustomerAction(form: FormData): Promise<void> {
  const actor = await currentActor();
  if (devMailboxAccess() === "off" || !actor || !isAgent(actor)) notFound();
  const id = String(form.get("id") ?? "");
  const text = String(form.get("text") ?? "").trim();
  if (!isUuid(id) || !text) redirect(`/dev/mailbox/?id=${encodeURIComponent(id)}`);
  const r = await replyToLocalMail(id, text);
  redirect(`/dev/mailbox/?id=${id}&replied=${encodeURIComponent(`${r.status}${r.outcome ? `: ${r.outcome}` : ""}`)}`);
}
