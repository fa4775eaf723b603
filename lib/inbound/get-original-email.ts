import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/domain/actor";
import { NotFoundError } from "@/lib/domain/errors";
import { assertCan } from "@/lib/domain/policy";

/**
 * The complete received email behind a message (quoted history, every part, all headers), for
 * agents: what customers see is only the extracted new text. Agent-only like internal notes.
 */
export async function getOriginalEmail(actor: Actor, messageId: string): Promise<{ raw: Uint8Array; subject: string | null }> {
  assertCan(actor, "ticket:read-internal");
  const prisma = await db();
  const row = await prisma.inboundEmail.findFirst({
    where: { postedMessageId: messageId, raw: { not: null } },
    select: { raw: true, subject: true },
  });
  if (!row?.raw) throw new NotFoundError();
  return { raw: row.raw, subject: row.subject };
}
