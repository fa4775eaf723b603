import { createHash } from "node:crypto";
import { db } from "@/lib/db/client";
import { rawMessageId } from "./parse-mail";

export interface StoreInput {
  source: "mime" | "resend" | "cli" | "dev";
  raw?: Uint8Array;
  providerId?: string;
  messageId?: string | null;
  fromEmail?: string | null;
  subject?: string | null;
}

/**
 * Stores a received message in the inbox for the worker, in one statement. A message whose
 * Message-ID or provider id is already stored is a second delivery of the same mail (webhooks
 * and MTAs retry): nothing new is written and `duplicate` is true.
 */
export async function storeInbound(input: StoreInput): Promise<{ duplicate: boolean }> {
  const prisma = await db();
  // Mail without a Message-ID (broken clients, some bounces) is keyed by its bytes instead, so
  // an MTA redelivering it still stores it once.
  const messageId =
    input.messageId?.replace(/^<|>$/g, "").trim() ||
    (input.raw ? rawMessageId(input.raw) ?? `sha256:${createHash("sha256").update(input.raw).digest("hex")}` : null);
  const { count } = await prisma.inboundEmail.createMany({
    data: [
      {
        source: input.source,
        raw: input.raw ? Buffer.from(input.raw) : null,
        providerId: input.providerId ?? null,
        messageId,
        fromEmail: input.fromEmail?.toLowerCase() ?? null,
        subject: input.subject?.slice(0, 500) ?? null,
      },
    ],
    skipDuplicates: true,
  });
  return { duplicate: count === 0 };
}
