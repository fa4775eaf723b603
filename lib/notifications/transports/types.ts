/** One rendered email, ready to hand to a provider. */
export interface OutgoingMail {
  from: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  headers?: Record<string, string>;
}

export interface SendResult {
  /** The provider's id for the email (Resend's email id, the LocalMail id). */
  providerId: string;
}

/**
 * Where mail goes. `idempotencyKey` is the notification id: a transport must make a second
 * send with the same key a no-op that returns the first result, so retries never duplicate.
 */
export interface MailTransport {
  readonly name: string;
  send(mail: OutgoingMail, opts: { idempotencyKey: string }): Promise<SendResult>;
}

/**
 * A failed send. `permanent` means retrying the same request cannot succeed (the provider
 * rejected this email itself), so the worker dead-letters at once instead of backing off.
 */
export class TransportError extends Error {
  readonly permanent: boolean;
  readonly status: number | null;
  constructor(message: string, opts: { permanent?: boolean; status?: number | null } = {}) {
    super(message);
    this.name = "TransportError";
    this.permanent = opts.permanent ?? false;
    this.status = opts.status ?? null;
  }
}
