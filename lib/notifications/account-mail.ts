import { z } from "zod";
import type { NotificationKind, Prisma } from "@/lib/db/generated/client";
import type { AccountMailKind, DomainEvent } from "@/lib/domain/events/domain-events";
import { TOKEN_TTL_SECONDS } from "@/lib/domain/auth/one-time-tokens";
import { INVITATION_TTL_SECONDS } from "@/lib/domain/invitations/invitation-select";
import { mailConfig } from "./config";
import { storablePayload } from "./payload";
import { seal } from "./seal";

/** Account emails: always sent (no preference can switch them off), to the address in the event. */
export const ACCOUNT_KIND: Record<AccountMailKind, NotificationKind> = {
  verify_email: "account_verify_email",
  password_reset: "account_password_reset",
  magic_link: "account_magic_link",
  exists: "account_exists",
  invitation: "account_invitation",
  change_email: "account_change_email",
};

export const isAccountKind = (k: string): boolean => k.startsWith("account_");

/** The stored payload; `sealedUrl` is the link, sealed (see seal.ts). */
export const accountPayloadSchema = z.object({
  productName: z.string(),
  recipientName: z.string(),
  sealedUrl: z.string(),
  /** How long the link works, in minutes (0: no expiry to mention). */
  expiresInMinutes: z.number().int().min(0),
  /** account_exists: where to reset the password. */
  signInUrl: z.string().default(""),
  /** account_invitation: the admin who sent it. */
  invitedBy: z.string().default(""),
});
export type AccountPayload = z.output<typeof accountPayloadSchema>;
/** What templates get: the payload with the link opened. */
export type AccountMailProps = Omit<AccountPayload, "sealedUrl"> & { url: string };

function linkFor(base: string, mail: AccountMailKind, secret: string | null): string {
  const t = secret ? encodeURIComponent(secret) : "";
  switch (mail) {
    case "verify_email":
      return `${base}/verify-email/?token=${t}`;
    case "password_reset":
      return `${base}/reset-password/?token=${t}`;
    case "magic_link":
      return `${base}/magic-link/?token=${t}`;
    case "exists":
      return `${base}/forgot-password/`;
    case "invitation":
      return `${base}/accept-invitation/?token=${t}`;
    case "change_email":
      return `${base}/confirm-email/?token=${t}`;
  }
}

const TTL: Record<AccountMailKind, number> = {
  verify_email: TOKEN_TTL_SECONDS.verify_email,
  password_reset: TOKEN_TTL_SECONDS.password_reset,
  magic_link: TOKEN_TTL_SECONDS.magic_link,
  exists: 0,
  invitation: INVITATION_TTL_SECONDS,
  change_email: TOKEN_TTL_SECONDS.change_email,
};

/** Writes the outbox row of an account email, in the transaction that issued its token. */
export async function enqueueAccountMail(tx: Prisma.TransactionClient, e: Extract<DomainEvent, { type: "account.mail" }>) {
  const cfg = mailConfig();
  const payload: AccountPayload = {
    productName: cfg.productName,
    recipientName: e.name,
    sealedUrl: seal(linkFor(cfg.appUrl, e.mail, e.secret)),
    expiresInMinutes: Math.round(TTL[e.mail] / 60),
    signInUrl: `${cfg.appUrl}/signin/`,
    invitedBy: e.invitedBy ?? "",
  };
  await tx.notification.create({
    data: { kind: ACCOUNT_KIND[e.mail], recipientId: e.userId, toEmail: e.email, payload: storablePayload(payload) as Prisma.InputJsonObject },
  });
}
