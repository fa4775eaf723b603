import { Resend } from "resend";
import { TransportError, type MailTransport, type OutgoingMail, type SendResult } from "./types";

export interface ResendTransportOptions {
  apiKey: string;
  /** https://api.resend.com in production; tests point it at a local server. */
  baseUrl: string;
  timeoutMs: number;
}

// Statuses where the same request can never succeed: the provider judged this email itself
// (bad address, bad payload, same idempotency key with a different body). 401/403 are not
// here on purpose: a wrong or revoked key is an operator fix, and mail queued meanwhile
// should go out once it is fixed, within the retry window.
const PERMANENT_STATUS = new Set([400, 404, 405, 422]);
const PERMANENT_NAMES = new Set(["validation_error", "invalid_from_address", "invalid_attachment", "invalid_idempotent_request", "invalid_parameter", "missing_required_field"]);

/** Delivery through Resend's HTTP API (the official SDK), with the notification id as Idempotency-Key. */
export function resendTransport(opts: ResendTransportOptions): MailTransport {
  const client = new Resend(opts.apiKey, { baseUrl: opts.baseUrl });
  return {
    name: "resend",
    async send(mail: OutgoingMail, { idempotencyKey }): Promise<SendResult> {
      const { data, error } = await client.emails.send(
        {
          from: mail.from,
          to: [mail.to],
          subject: mail.subject,
          html: mail.html,
          text: mail.text,
          headers: mail.headers,
        },
        // The SDK has no timeout of its own; a hung connection must not hold the claim forever.
        { idempotencyKey, signal: AbortSignal.timeout(opts.timeoutMs) },
      );
      if (error) {
        const status = error.statusCode ?? null;
        const permanent = (status !== null && PERMANENT_STATUS.has(status)) || PERMANENT_NAMES.has(error.name);
        throw new TransportError(`Resend ${status ?? "network error"} ${error.name}: ${error.message}`, {
          permanent,
          status,
        });
      }
      if (!data?.id) throw new TransportError("Resend returned no email id.");
      return { providerId: data.id };
    },
  };
}
