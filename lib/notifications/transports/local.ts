import { db } from "@/lib/db/client";
import type { MailTransport, OutgoingMail, SendResult } from "./types";

/**
 * Development and test delivery: the mail is stored in local_mails and readable at
 * /dev/mailbox. The insert is keyed on the idempotency key, so a retried notification finds
 * its first copy instead of storing a second one.
 */
export function localTransport(): MailTransport {
  return {
    name: "local",
    async send(mail: OutgoingMail, { idempotencyKey }): Promise<SendResult> {
      const prisma = await db();
      const inserted = await prisma.$queryRaw<{ id: string }[]>`
        INSERT INTO local_mails (id, "to", "from", subject, html, text, idempotency_key, created_at)
        VALUES (gen_random_uuid(), ${mail.to}, ${mail.from}, ${mail.subject}, ${mail.html}, ${mail.text},
                ${idempotencyKey}, now())
        ON CONFLICT (idempotency_key) DO NOTHING
        RETURNING id::text`;
      if (inserted[0]) return { providerId: inserted[0].id };
      const existing = await prisma.localMail.findUniqueOrThrow({
        where: { idempotencyKey },
        select: { id: true },
      });
      return { providerId: existing.id };
    },
  };
}
