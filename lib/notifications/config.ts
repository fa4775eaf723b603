import { z } from "zod";

/**
 * Mail and notification settings, read from the environment each time they are needed (tests
 * flip them per case; the worker reads them once when it starts).
 *
 *   MAIL_TRANSPORT=local|resend   default: resend if RESEND_API_KEY is set, else local
 *   RESEND_API_KEY, MAIL_FROM     required for resend; RESEND_API_BASE_URL (tests), RESEND_TIMEOUT_MS
 *   APP_URL                       base of the links in emails (default http://localhost:3000)
 *   MAIL_PRODUCT_NAME             name in the header and footer (default Caseflow)
 *   NOTIFY_TICKET_UPDATE / NOTIFY_CUSTOMER_REPLY / NOTIFY_TICKET_CREATED=off   operator switches
 *   NOTIFY_SLA_WARNING / NOTIFY_SLA_BREACHED=off   (the timeline events of lib/sla/alert-worker.ts stay)
 *   NOTIFY_MAX_ATTEMPTS (8), NOTIFY_BACKOFF_BASE_MS (30 s), NOTIFY_BACKOFF_MAX_MS (1 h)
 *   NOTIFICATIONS_WORKER=off, NOTIFICATIONS_WORKER_INTERVAL_MS (5000)   see instrumentation.ts
 *   NOTIFY_LEASE_MS (30 s)        how long a claimed mail stays reserved to its worker without a heartbeat
 */
const onOff = z
  .string()
  .trim()
  .toLowerCase()
  .optional()
  .transform((v) => !(v === "off" || v === "false" || v === "0" || v === "no"));

const envSchema = z.object({
  MAIL_TRANSPORT: z.enum(["local", "resend"]).optional(),
  RESEND_API_KEY: z.string().trim().optional(),
  RESEND_API_BASE_URL: z.url().optional(),
  RESEND_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  MAIL_FROM: z.string().trim().optional(),
  MAIL_PRODUCT_NAME: z.string().trim().default("Caseflow"),
  APP_URL: z.url().default("http://localhost:3000"),
  NOTIFY_TICKET_UPDATE: onOff,
  NOTIFY_CUSTOMER_REPLY: onOff,
  NOTIFY_TICKET_CREATED: onOff,
  NOTIFY_SLA_WARNING: onOff,
  NOTIFY_SLA_BREACHED: onOff,
  NOTIFY_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
  NOTIFY_BACKOFF_BASE_MS: z.coerce.number().int().min(0).default(30_000),
  NOTIFY_BACKOFF_MAX_MS: z.coerce.number().int().min(0).default(3_600_000),
  NOTIFICATIONS_WORKER_INTERVAL_MS: z.coerce.number().int().min(100).default(5_000),
  NOTIFY_LEASE_MS: z.coerce.number().int().min(300).default(30_000),
});

export interface MailConfig {
  transport: "local" | "resend";
  resendApiKey?: string;
  resendBaseUrl: string;
  resendTimeoutMs: number;
  from: string;
  /** MAIL_FROM was set (Resend refuses senders on unverified domains, so it must be). */
  fromConfigured: boolean;
  productName: string;
  appUrl: string;
  /** Operator switches of the ticket notifications (account emails cannot be switched off). */
  enabled: Record<"ticket_update" | "customer_reply" | "ticket_created" | "sla_warning" | "sla_breached", boolean>;
  maxAttempts: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
  workerIntervalMs: number;
  /**
   * A claimed mail's lease: renewed every third of it while its worker lives, so mail held by
   * a crashed instance is claimed again by another one soon after the lease runs out.
   */
  leaseMs: number;
}

export function mailConfig(env: NodeJS.ProcessEnv = process.env): MailConfig {
  const e = envSchema.parse(
    Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== "")),
  );
  // Without an explicit choice, only a configured API key means "send for real": a developer
  // checkout never mails customers by accident.
  const transport = e.MAIL_TRANSPORT ?? (e.RESEND_API_KEY ? "resend" : "local");
  return {
    transport,
    resendApiKey: e.RESEND_API_KEY || undefined,
    resendBaseUrl: (e.RESEND_API_BASE_URL ?? "https://api.resend.com").replace(/\/+$/, ""),
    resendTimeoutMs: e.RESEND_TIMEOUT_MS,
    from: e.MAIL_FROM || `${e.MAIL_PRODUCT_NAME} Support <support@caseflow.localhost>`,
    fromConfigured: Boolean(e.MAIL_FROM),
    productName: e.MAIL_PRODUCT_NAME,
    appUrl: e.APP_URL.replace(/\/+$/, ""),
    enabled: {
      ticket_update: e.NOTIFY_TICKET_UPDATE,
      customer_reply: e.NOTIFY_CUSTOMER_REPLY,
      ticket_created: e.NOTIFY_TICKET_CREATED,
      sla_warning: e.NOTIFY_SLA_WARNING,
      sla_breached: e.NOTIFY_SLA_BREACHED,
    },
    maxAttempts: e.NOTIFY_MAX_ATTEMPTS,
    backoffBaseMs: e.NOTIFY_BACKOFF_BASE_MS,
    backoffMaxMs: e.NOTIFY_BACKOFF_MAX_MS,
    workerIntervalMs: e.NOTIFICATIONS_WORKER_INTERVAL_MS,
    leaseMs: e.NOTIFY_LEASE_MS,
  };
}
