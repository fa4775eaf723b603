import { db } from "@/lib/db/client";
import type { Actor } from "../actor";
import { NotFoundError } from "../errors";
import { attachmentsVisibleTo } from "../scope";

/** An attachment's bytes, under the same visibility as its ticket and message. */
export async function getAttachmentContent(actor: Actor, id: string) {
  const prisma = await db();
  const a = await prisma.attachment.findFirst({
    where: { id, ...attachmentsVisibleTo(actor) },
    select: { id: true, name: true, contentType: true, size: true, sha256: true, blob: { select: { content: true } } },
  });
  if (!a || !a.blob) throw new NotFoundError();
  return { ...a, content: a.blob.content };
}
