import { z } from "zod";
import { mailConfig } from "@/lib/notifications/config";

/**
 * Inbound email settings, read from the environment each time (tests flip them per case).
 *
 *   INBOUND_MIME_SECRET        bearer secret of POST /api/v1/inbound/mime/ (unset: route is 404)
 *   RESEND_WEBHOOK_SECRET      whsec_… signing secret of the Resend webhook (unset: route is 404)
 *   INBOUND_DOMAIN             domain of reply+<token>@ addresses (unset: no Reply-To is added)
 *   SUPPORT_ADDRESS            address whose new mail opens tickets
 *   INBOUND_MAX_BYTES          largest accepted raw message (default 25 MB)
 *   INBOUND_RATE_LIMIT_PER_HOUR  mails per sender per hour that are processed (default 20)
 *   INBOUND_MAX_ATTEMPTS (8), INBOUND_BACKOFF_BASE_MS (30 s), INBOUND_BACKOFF_MAX_MS (1 h)
 *   INBOUND_WORKER=off, INBOUND_WORKER_INTERVAL_MS (5000)
 *   INBOUND_REOPEN_WITHIN_DAYS  unset: a customer reply always reopens a resolved/closed ticket;
 *                              N: only within N days of resolving/closing, later it opens a
 *                              follow-up ticket instead
 */
const envSchema = z.object({
  INBOUND_MIME_SECRET: z.string().trim().optional(),
  RESEND_WEBHOOK_SECRET: z.string().trim().optional(),
  INBOUND_DOMAIN: z.string().trim().toLowerCase().optional(),
  SUPPORT_ADDRESS: z.string().trim().toLowerCase().optional(),
  INBOUND_MAX_BYTES: z.coerce.number().int().positive().default(25 * 1024 * 1024),
  INBOUND_RATE_LIMIT_PER_HOUR: z.coerce.number().int().min(1).default(20),
  INBOUND_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
  INBOUND_BACKOFF_BASE_MS: z.coerce.number().int().min(0).default(30_000),
  INBOUND_BACKOFF_MAX_MS: z.coerce.number().int().min(0).default(3_600_000),
  INBOUND_WORKER_INTERVAL_MS: z.coerce.number().int().min(100).default(5_000),
  INBOUND_REOPEN_WITHIN_DAYS: z.coerce.number().min(0).optional(),
});

export type InboundConfig = ReturnType<typeof inboundConfig>;

/** The bare address of "Name <addr>" (lowercased), or the input when it has no brackets. */
export function bareAddress(s: string): string {
  const m = /<([^>]+)>/.exec(s);
  return (m ? m[1] : s).trim().toLowerCase();
}

export function inboundConfig(env: NodeJS.ProcessEnv = process.env) {
  const e = envSchema.parse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== "")));
  const mail = mailConfig(env);
  return {
    mimeSecret: e.INBOUND_MIME_SECRET || null,
    webhookSecret: e.RESEND_WEBHOOK_SECRET || null,
    domain: e.INBOUND_DOMAIN || null,
    supportAddress: e.SUPPORT_ADDRESS ? bareAddress(e.SUPPORT_ADDRESS) : null,
    ownFrom: bareAddress(mail.from),
    maxBytes: e.INBOUND_MAX_BYTES,
    ratePerHour: e.INBOUND_RATE_LIMIT_PER_HOUR,
    maxAttempts: e.INBOUND_MAX_ATTEMPTS,
    backoffBaseMs: e.INBOUND_BACKOFF_BASE_MS,
    backoffMaxMs: e.INBOUND_BACKOFF_MAX_MS,
    workerIntervalMs: e.INBOUND_WORKER_INTERVAL_MS,
    reopenWithinDays: e.INBOUND_REOPEN_WITHIN_DAYS ?? null,
    resendApiKey: mail.resendApiKey,
    resendBaseUrl: mail.resendBaseUrl,
    resendTimeoutMs: mail.resendTimeoutMs,
    appHost: new URL(mail.appUrl).hostname,
  };
}
