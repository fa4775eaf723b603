import { db } from "@/lib/db/client";
import type { Actor } from "../actor";
import { NotFoundError } from "../errors";
import { attachmentsVisibleTo } from "../scope";
import { attachmentSelect } from "../tickets/ticket-thread-select";

/** An attachment's metadata (not its bytes), under the visibility of its ticket and message. */
export async function getAttachmentInfo(actor: Actor, id: string) {
  const prisma = await db();
  const a = await prisma.attachment.findFirst({ where: { id, ...attachmentsVisibleTo(actor) }, select: attachmentSelect });
  if (!a) throw new NotFoundError();
  return a;
}
