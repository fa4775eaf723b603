import { db } from "@/lib/db/client";
import type { Actor } from "../actor";
import { NotFoundError } from "../errors";
import { messagesVisibleTo } from "../scope";
import { messageSelect } from "./message-select";

/** One message the actor may see (customers: never an internal note); else 404. */
export async function getMessage(actor: Actor, id: string) {
  const prisma = await db();
  const m = await prisma.message.findFirst({ where: { id, ...messagesVisibleTo(actor) }, select: messageSelect });
  if (!m) throw new NotFoundError();
  return m;
}
