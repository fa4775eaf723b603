import { mailConfig, type MailConfig } from "../config";
import { localTransport } from "./local";
import { resendTransport } from "./resend";
import type { MailTransport } from "./types";

export type { MailTransport, OutgoingMail, SendResult } from "./types";
export { TransportError } from "./types";

/** The transport the configuration asks for. Resend without a key or sender is a startup error. */
export function transportFromConfig(cfg: MailConfig = mailConfig()): MailTransport {
  if (cfg.transport === "local") return localTransport();
  if (!cfg.resendApiKey) throw new Error("MAIL_TRANSPORT=resend needs RESEND_API_KEY.");
  if (!cfg.fromConfigured) throw new Error("MAIL_TRANSPORT=resend needs MAIL_FROM (a sender on a domain verified in Resend).");
  return resendTransport({ apiKey: cfg.resendApiKey, baseUrl: cfg.resendBaseUrl, timeoutMs: cfg.resendTimeoutMs });
}
